package org.piste.resolve;

import org.piste.model.Party;

/** Builds the resolver's view of a party. */
public final class PersonRecords {
    private PersonRecords() {}

    public static PersonRecord of(String id, Party p) {
        String phone = p.phoneE164().orElseGet(() -> p.phone().replaceAll("[^0-9+]", ""));
        return new PersonRecord(id, p.givenNames(), p.middleName(), p.surname(), p.fullName(), p.birthDate(),
                p.idNumberNormalized(), phone, p.email(), p.address(), p.postcode(), p.city(),
                p.countryCode().orElse(p.country()));
    }
}
