package org.piste.resolve;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One mention of a person: a sender or recipient on one transfer row, a referral subject, or a row of any
 * person list. Values are as normalised by ingest (E.164 phone, upper-case ID number); the resolver does
 * its own name normalisation. Text fields are never null: empty means unknown.
 *
 * @param id a stable identifier, unique in one resolution (e.g. "t123:S" for the sender of transfer 123)
 */
public record PersonRecord(
        String id,
        String givenNames,
        String middleName,
        String surname,
        String fullName,
        Optional<LocalDate> birthDate,
        String idNumber,
        String phone,
        String email,
        String address,
        String postcode,
        String city,
        String country) {

    public PersonRecord {
        Objects.requireNonNull(id);
        Objects.requireNonNull(givenNames);
        Objects.requireNonNull(middleName);
        Objects.requireNonNull(surname);
        Objects.requireNonNull(fullName);
        Objects.requireNonNull(birthDate);
        Objects.requireNonNull(idNumber);
        Objects.requireNonNull(phone);
        Objects.requireNonNull(email);
        Objects.requireNonNull(address);
        Objects.requireNonNull(postcode);
        Objects.requireNonNull(city);
        Objects.requireNonNull(country);
    }
}
