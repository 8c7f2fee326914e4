package org.piste.resolve;

import java.time.LocalDate;
import java.util.List;
import org.apache.commons.codec.language.DoubleMetaphone;

/** A record in the form the comparators use; computed once per record. Absent text is "", absent date null. */
final class Features {
    private static final ThreadLocal<DoubleMetaphone> METAPHONE = ThreadLocal.withInitial(DoubleMetaphone::new);

    final PersonRecord record;
    final List<String> givenTokens;
    final String givenKey;
    final String firstGiven;
    final List<String> surnameTokens;
    final String surnameKey;
    final String surnameCore;
    final String surnamePhonetic;
    /** The names read the other way round (given as surname and surname as given), for inverted rows. */
    final List<String> swappedGivenTokens;
    final String swappedGivenKey;
    final String swappedSurnameKey;
    final String swappedSurnameCore;
    final String swappedSurnamePhonetic;
    final String middleKey;
    final LocalDate birthDate;
    final String idNumber;
    final String phone;
    final String email;
    final String address;
    final String postcode;
    final String city;

    /**
     * Everything the comparators look at, when the record has a strong identifier; null otherwise
     * (two rows with only the same name are not assumed to be one person).
     */
    String signature() {
        if (birthDate == null && idNumber.isEmpty() && phone.isEmpty() && email.isEmpty()) return null;
        return String.join("\u0001", givenKey, surnameKey, middleKey, String.valueOf(birthDate), idNumber, phone,
                email, address, postcode, city);
    }

    Features(PersonRecord r) {
        this.record = r;
        String given = r.givenNames(), surname = r.surname();
        if (given.isBlank() && surname.isBlank() && !r.fullName().isBlank()) {
            String[] split = Names.splitFullName(r.fullName());
            given = split[0];
            surname = split[1];
        }
        this.givenTokens = Names.givenTokens(given);
        this.givenKey = String.join(" ", givenTokens);
        this.firstGiven = givenTokens.isEmpty() ? "" : givenTokens.get(0);
        this.surnameTokens = Names.surnameTokens(surname);
        this.surnameKey = Names.surnameKey(surnameTokens);
        this.surnameCore = Names.surnameCore(surnameTokens);
        String phonetic = surnameCore.isEmpty() ? "" : METAPHONE.get().doubleMetaphone(surnameCore);
        this.surnamePhonetic = phonetic == null ? "" : phonetic;
        this.swappedGivenTokens = Names.givenTokens(surname);
        this.swappedGivenKey = String.join(" ", swappedGivenTokens);
        List<String> givenAsSurname = Names.surnameTokens(given);
        this.swappedSurnameKey = Names.surnameKey(givenAsSurname);
        this.swappedSurnameCore = Names.surnameCore(givenAsSurname);
        String swappedPhonetic = swappedSurnameCore.isEmpty() ? "" : METAPHONE.get().doubleMetaphone(swappedSurnameCore);
        this.swappedSurnamePhonetic = swappedPhonetic == null ? "" : swappedPhonetic;
        this.middleKey = String.join("", Names.surnameTokens(r.middleName()));
        this.birthDate = r.birthDate().orElse(null);
        this.idNumber = r.idNumber().length() >= 4 ? r.idNumber() : "";
        String digits = r.phone().replaceAll("[^0-9]", "");
        this.phone = digits.length() >= 7 ? digits : "";
        this.email = r.email().trim().toLowerCase(java.util.Locale.ROOT);
        this.address = Names.fold(r.address());
        this.postcode = Names.fold(r.postcode()).replace(" ", "");
        this.city = Names.fold(r.city());
    }
}
