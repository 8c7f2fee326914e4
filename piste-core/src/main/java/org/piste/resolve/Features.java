package org.piste.resolve;

import java.time.LocalDate;
import java.util.List;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.piste.normal.Text;

/** A record in the form the comparators use; computed once per record. Absent text is "", absent date null. */
final class Features {
    private static final ThreadLocal<DoubleMetaphone> METAPHONE = ThreadLocal.withInitial(DoubleMetaphone::new);

    /** The record's id: the record itself is not kept (its values live on in the forms below). */
    final String id;
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
    /** The agency where the person acted on this row, folded. */
    final String agency;
    /** The other party's record id on the same transfer, or "" (a record outside a transfer). */
    final String counterpartRecord;
    /**
     * Shown as this record's counterparty in explanations: the entity of its counterpart as resolved before the
     * counterparty was compared. Set by the resolver; "" until then.
     */
    String counterpart = "";
    /** Per identifier field ({@link Comparison#IDENTIFIERS}): distinct persons carrying this record's value (1 = its own). */
    private final byte[] personsCarrying = {1, 1, 1, 1};

    /** Everything the comparators look at: two records with equal signatures compare as exact on every field. */
    record Signature(String givenKey, String surnameKey, String middleKey, LocalDate birthDate, String idNumber,
            String phone, String email, String address, String postcode, String city) {}

    /**
     * The record's signature when it has a strong identifier; null otherwise (two rows with only the same name are
     * not assumed to be one person). It holds the record's own (pooled) values: no text is built.
     */
    Signature signature() {
        if (!hasStrongIdentifier()) return null;
        return new Signature(givenKey, surnameKey, middleKey, birthDate, idNumber, phone, email, address, postcode, city);
    }

    boolean hasStrongIdentifier() {
        return birthDate != null || !idNumber.isEmpty() || !phone.isEmpty() || !email.isEmpty();
    }

    /**
     * A record without a strong identifier, written alike on several rows paid by (or paying) one counterpart: the same
     * sender paying the same name, written the same way, at the same place, is one person (a beneficiary known by name
     * and payout place only).
     *
     * @param counterpartGroup the group of the counterpart's identical rows (see the resolver's rows)
     */
    record SparseSignature(String givenKey, String surnameKey, String middleKey, String address, String postcode,
            String city, String agency, int counterpartGroup) {}

    /** The sparse signature with this counterpart group, or null when the record has a strong identifier or no name. */
    SparseSignature sparseSignature(int counterpartGroup) {
        if (hasStrongIdentifier() || counterpartGroup < 0 || givenKey.isEmpty() || surnameKey.isEmpty()) return null;
        return new SparseSignature(givenKey, surnameKey, middleKey, address, postcode, city, agency, counterpartGroup);
    }

    Features(PersonRecord r) {
        this(r, null);
    }

    /**
     * With {@code pool} (thread-safe), every derived value is the pool's instance of it: the many records of one
     * name, street or city then share their normalised forms instead of holding a copy each.
     */
    Features(PersonRecord r, java.util.concurrent.ConcurrentMap<Object, Object> pool) {
        this.id = r.id();
        String given = r.givenNames(), surname = r.surname();
        if (given.isBlank() && surname.isBlank() && !r.fullName().isBlank()) {
            String[] split = Names.splitFullName(r.fullName());
            given = split[0];
            surname = split[1];
        }
        this.givenTokens = shared(Names.givenTokens(given), pool);
        this.givenKey = shared(String.join(" ", givenTokens), pool);
        this.firstGiven = shared(givenTokens.isEmpty() ? "" : givenTokens.get(0), pool);
        this.surnameTokens = shared(Names.surnameTokens(surname), pool);
        this.surnameKey = shared(Names.surnameKey(surnameTokens), pool);
        this.surnameCore = shared(Names.surnameCore(surnameTokens), pool);
        String phonetic = surnameCore.isEmpty() ? "" : METAPHONE.get().doubleMetaphone(surnameCore);
        this.surnamePhonetic = shared(phonetic == null ? "" : phonetic, pool);
        this.swappedGivenTokens = shared(Names.givenTokens(surname), pool);
        this.swappedGivenKey = shared(String.join(" ", swappedGivenTokens), pool);
        List<String> givenAsSurname = Names.surnameTokens(given);
        this.swappedSurnameKey = shared(Names.surnameKey(givenAsSurname), pool);
        this.swappedSurnameCore = shared(Names.surnameCore(givenAsSurname), pool);
        String swappedPhonetic = swappedSurnameCore.isEmpty() ? "" : METAPHONE.get().doubleMetaphone(swappedSurnameCore);
        this.swappedSurnamePhonetic = shared(swappedPhonetic == null ? "" : swappedPhonetic, pool);
        this.middleKey = shared(String.join("", Names.surnameTokens(r.middleName())), pool);
        this.birthDate = r.birthDate().orElse(null);
        this.idNumber = shared(r.idNumber().length() >= 4 ? r.idNumber() : "", pool);
        String digits = r.phone().replaceAll("[^0-9]", "");
        this.phone = shared(digits.length() >= 7 ? digits : "", pool);
        this.email = shared(r.email().trim().toLowerCase(java.util.Locale.ROOT), pool);
        this.address = shared(Text.fold(r.address()), pool);
        this.postcode = shared(Text.fold(r.postcode()).replace(" ", ""), pool);
        this.city = shared(Text.fold(r.city()), pool);
        this.agency = shared(Text.fold(r.agency()), pool);
        this.counterpartRecord = r.counterpart();
    }

    /** How many distinct persons carry this record's value of an identifier field (1 when only its own). */
    int personsCarrying(Comparison c) {
        return personsCarrying[Comparison.IDENTIFIERS.indexOf(c)];
    }

    void personsCarrying(Comparison c, int persons) {
        personsCarrying[Comparison.IDENTIFIERS.indexOf(c)] = (byte) Math.min(persons, Byte.MAX_VALUE);
    }

    @SuppressWarnings("unchecked")
    private static <T> T shared(T value, java.util.concurrent.ConcurrentMap<Object, Object> pool) {
        return pool == null ? value : (T) pool.computeIfAbsent(value, v -> v);
    }
}
