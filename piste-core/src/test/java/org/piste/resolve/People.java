package org.piste.resolve;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Synthetic person records for tests (invented people). */
final class People {
    private People() {}

    private static final String[] GIVEN = {"arnel", "claire", "hugo", "lorna", "joel", "manon", "yves", "didier", "camille",
            "analyn", "ramon", "sophie", "thomas", "lucas", "nathalie", "marites", "jonalyn", "gerald", "pilar", "ofelia"};
    private static final String[] SURNAME = {"aquino", "durand", "petit", "reyes", "ramos", "robert", "garcia", "torres",
            "martin", "dubois", "ocampo", "mendoza", "bernard", "richard", "lefevre", "villanueva", "santos", "quiambao",
            "zamora", "ilagan"};

    /** Twenty strangers known by name only (ids s10..s29, after one-letter ones): a population to learn from. */
    static List<PersonRecord> strangers() {
        List<PersonRecord> out = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            out.add(new PersonRecord("s" + (10 + k), GIVEN[k], "", SURNAME[k], "", Optional.empty(), "", "", "", "", "", "", ""));
        }
        return out;
    }

    static PersonRecord person(String id, String given, String surname, String dob, String phone) {
        return new PersonRecord(id, given, "", surname, "", dob.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(dob)),
                "", phone, "", "", "", "", "");
    }

    static PersonRecord withId(PersonRecord r, String idNumber) {
        return new PersonRecord(r.id(), r.givenNames(), r.middleName(), r.surname(), r.fullName(), r.birthDate(),
                idNumber, r.phone(), r.email(), r.address(), r.postcode(), r.city(), r.country());
    }
}
