package org.piste.sim;

import java.time.LocalDate;
import java.util.List;

/**
 * A synthetic person's true identity. Rows write it with noise; the ground truth writes it as is.
 *
 * @param id       stable identifier in the ground truth
 * @param group    family, household, operation or ring the person belongs to; empty for none
 * @param given    given names (French compound names keep their hyphen; "Maria", never "Ma.")
 * @param middle   Filipino middle name (the mother's maiden surname); empty for French naming
 * @param city     home city (France for senders, the Philippines for recipients)
 * @param docs     identity documents, each valid from a date (a renewed passport replaces the old one)
 * @param phones   phones in E.164, each used from a date
 * @param agencies agencies the person uses (send agencies in France, payout agencies in the Philippines)
 * @param multiIdentity true when the person deliberately alternates documents and phones
 */
record Person(String id, Role role, String group, boolean female, String given, String middle, String surname,
        LocalDate birth, Names.City city, String address, List<Doc> docs, List<Phone> phones, String email,
        List<String> agencies, boolean multiIdentity) {

    record Doc(String type, String number, LocalDate from) {}

    record Phone(String e164, LocalDate from) {}

    /** Documents usable on a day: the newest one, or any of them for a person with several identities. */
    Doc doc(LocalDate day, java.util.SplittableRandom r) {
        return dated(docs, day, r, Doc::from);
    }

    Phone phone(LocalDate day, java.util.SplittableRandom r) {
        return dated(phones, day, r, Phone::from);
    }

    private <T> T dated(List<T> items, LocalDate day, java.util.SplittableRandom r,
            java.util.function.Function<T, LocalDate> from) {
        int valid = 0;
        for (T t : items) if (!from.apply(t).isAfter(day)) valid++;
        if (valid == 0) return items.get(0);
        return multiIdentity ? items.get(r.nextInt(valid)) : items.get(valid - 1);
    }
}
