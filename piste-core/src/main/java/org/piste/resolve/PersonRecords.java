package org.piste.resolve;

import java.util.Map;
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

    /**
     * The record with each value replaced by the equal one already in {@code pool} (added when new): rows read
     * one by one carry fresh copies of the same names, numbers and dates, and millions of them fill the heap.
     */
    public static PersonRecord sharingValues(PersonRecord r, Map<Object, Object> pool) {
        return new PersonRecord(r.id(), shared(r.givenNames(), pool), shared(r.middleName(), pool), shared(r.surname(), pool),
                shared(r.fullName(), pool), shared(r.birthDate(), pool), shared(r.idNumber(), pool), shared(r.phone(), pool),
                shared(r.email(), pool), shared(r.address(), pool), shared(r.postcode(), pool), shared(r.city(), pool),
                shared(r.country(), pool));
    }

    /** The value equal to {@code value} in the pool, which keeps the first one it is given. */
    @SuppressWarnings("unchecked")
    public static <T> T shared(T value, Map<Object, Object> pool) {
        return (T) pool.computeIfAbsent(value, v -> v);
    }
}
