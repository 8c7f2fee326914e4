package org.piste.resolve;

import java.util.Map;
import org.piste.model.Party;
import org.piste.model.RecordId;
import org.piste.model.Side;
import org.piste.model.Transfer;
import org.piste.normal.Phones;

/** Builds the resolver's view of a party. */
public final class PersonRecords {
    private PersonRecords() {}

    public static PersonRecord of(String id, Party p) {
        String phone = p.phoneE164().orElseGet(() -> Phones.digits(p.phone()));
        return new PersonRecord(id, p.givenNames(), p.middleName(), p.surname(), p.fullName(), p.birthDate(),
                p.idNumberNormalized(), phone, p.email(), p.address(), p.postcode(), p.city(),
                p.countryCode().orElse(p.country()));
    }

    /** The record ids of a transfer's two parties: its reference (or stored id) and the side. */
    public static String senderId(String transfer) {
        return RecordId.written(transfer, Side.SENDER);
    }

    public static String recipientId(String transfer) {
        return RecordId.written(transfer, Side.RECIPIENT);
    }

    /** The sender of a transfer in its context: the place where the money was sent, the recipient as counterpart. */
    public static PersonRecord sender(String transfer, Transfer t) {
        return inContext(of(senderId(transfer), t.sender()), t.sendPlace().city(), t.sendPlace().agency(),
                recipientId(transfer));
    }

    /** The recipient of a transfer in its context: the payout place, the sender as counterpart. */
    public static PersonRecord recipient(String transfer, Transfer t) {
        return inContext(of(recipientId(transfer), t.recipient()), t.payoutPlace().city(), t.payoutPlace().agency(),
                senderId(transfer));
    }

    /**
     * A party's record with the transfer's context: the agency where the party acted, the other party's record as
     * counterpart, and, when the row gives no city for the party, the city where the party acted (many exports record
     * a beneficiary by name and payout place only: the payout city is then the best location there is).
     */
    public static PersonRecord inContext(PersonRecord r, String placeCity, String agency, String counterpart) {
        String city = r.city().isBlank() ? placeCity : r.city();
        return new PersonRecord(r.id(), r.givenNames(), r.middleName(), r.surname(), r.fullName(), r.birthDate(),
                r.idNumber(), r.phone(), r.email(), r.address(), r.postcode(), city, r.country(), agency, counterpart);
    }

    /**
     * The record with each value replaced by the equal one already in {@code pool} (added when new): rows read
     * one by one carry fresh copies of the same names, numbers and dates, and millions of them fill the heap.
     */
    public static PersonRecord sharingValues(PersonRecord r, Map<Object, Object> pool) {
        return new PersonRecord(r.id(), shared(r.givenNames(), pool), shared(r.middleName(), pool), shared(r.surname(), pool),
                shared(r.fullName(), pool), shared(r.birthDate(), pool), shared(r.idNumber(), pool), shared(r.phone(), pool),
                shared(r.email(), pool), shared(r.address(), pool), shared(r.postcode(), pool), shared(r.city(), pool),
                shared(r.country(), pool), shared(r.agency(), pool), r.counterpart());
    }

    /** The value equal to {@code value} in the pool, which keeps the first one it is given. */
    @SuppressWarnings("unchecked")
    public static <T> T shared(T value, Map<Object, Object> pool) {
        return (T) pool.computeIfAbsent(value, v -> v);
    }
}
