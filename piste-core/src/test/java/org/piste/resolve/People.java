package org.piste.resolve;

import java.time.LocalDate;
import java.util.Optional;

/** Synthetic person records for tests (invented people). */
final class People {
    private People() {}

    static PersonRecord person(String id, String given, String surname, String dob, String phone) {
        return new PersonRecord(id, given, "", surname, "", dob.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(dob)),
                "", phone, "", "", "", "", "");
    }

    static PersonRecord withId(PersonRecord r, String idNumber) {
        return new PersonRecord(r.id(), r.givenNames(), r.middleName(), r.surname(), r.fullName(), r.birthDate(),
                idNumber, r.phone(), r.email(), r.address(), r.postcode(), r.city(), r.country());
    }
}
