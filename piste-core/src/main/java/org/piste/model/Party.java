package org.piste.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A sender or recipient exactly as one row wrote them, with normalised values beside the originals.
 * Text fields are never null: an empty string means the row gave nothing.
 *
 * @param givenNames  given names as written
 * @param middleName  middle name as written (in the Philippines, the mother's maiden surname)
 * @param surname     surname as written
 * @param fullName    the whole name when the export has it in one column, as written
 * @param normalizedName the name in Unicode NFC with spaces folded, parts in given-middle-surname order
 * @param birthDate   the date of birth, when the row's value could be read
 * @param birthDateRaw the date of birth as written
 * @param idType      identity document type as written
 * @param idNumber    identity document number as written
 * @param idNumberNormalized upper-case letters and digits only
 * @param phone       phone as written
 * @param phoneE164   the phone in E.164 when it could be read
 * @param email       e-mail as written
 * @param address     street address as written
 * @param postcode    postal code as written
 * @param city        city as written
 * @param country     country as written
 * @param countryCode ISO 3166-1 alpha-2 when the country could be recognised
 */
public record Party(
        String givenNames,
        String middleName,
        String surname,
        String fullName,
        String normalizedName,
        Optional<LocalDate> birthDate,
        String birthDateRaw,
        String idType,
        String idNumber,
        String idNumberNormalized,
        String phone,
        Optional<String> phoneE164,
        String email,
        String address,
        String postcode,
        String city,
        String country,
        Optional<String> countryCode) {

    public Party {
        Objects.requireNonNull(givenNames);
        Objects.requireNonNull(middleName);
        Objects.requireNonNull(surname);
        Objects.requireNonNull(fullName);
        Objects.requireNonNull(normalizedName);
        Objects.requireNonNull(birthDate);
        Objects.requireNonNull(birthDateRaw);
        Objects.requireNonNull(idType);
        Objects.requireNonNull(idNumber);
        Objects.requireNonNull(idNumberNormalized);
        Objects.requireNonNull(phone);
        Objects.requireNonNull(phoneE164);
        Objects.requireNonNull(email);
        Objects.requireNonNull(address);
        Objects.requireNonNull(postcode);
        Objects.requireNonNull(city);
        Objects.requireNonNull(country);
        Objects.requireNonNull(countryCode);
    }

    /** True when the row said nothing at all about this party. */
    public boolean isEmpty() {
        return normalizedName.isEmpty() && birthDateRaw.isEmpty() && idNumber.isEmpty() && phone.isEmpty()
                && email.isEmpty() && address.isEmpty() && city.isEmpty() && country.isEmpty();
    }
}
