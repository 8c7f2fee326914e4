package org.piste.resolve;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One mention of a person: a sender or recipient on one transfer row, a referral subject, or a row of any
 * person list. Values are as normalised by ingest (E.164 phone, upper-case ID number); the resolver does
 * its own name normalisation. Text fields are never null: empty means unknown.
 *
 * @param id          a stable identifier, unique in one resolution (e.g. "t123:S" for the sender of transfer 123)
 * @param agency      the agency where the person acted on this row (sent or collected the money), as written
 * @param counterpart the id of the other party's record on the same transfer (the recipient of a sender, the sender
 *                    of a recipient); empty for records outside a transfer
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
        String country,
        String agency,
        String counterpart) {

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
        Objects.requireNonNull(agency);
        Objects.requireNonNull(counterpart);
        if (counterpart.equals(id)) throw new IllegalArgumentException("record " + id + " is its own counterpart");
    }

    /** A record outside any transfer (a person list's row, a referral subject): no agency, no counterpart. */
    public PersonRecord(String id, String givenNames, String middleName, String surname, String fullName,
            Optional<LocalDate> birthDate, String idNumber, String phone, String email, String address, String postcode,
            String city, String country) {
        this(id, givenNames, middleName, surname, fullName, birthDate, idNumber, phone, email, address, postcode, city,
                country, "", "");
    }
}
