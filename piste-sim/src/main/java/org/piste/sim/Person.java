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
 * @param suffix   "Jr." for the younger of a father and son with the same names (rows write it only sometimes;
 *                 the ground truth's given names never carry it); empty otherwise
 */
record Person(String id, Role role, String group, boolean female, String given, String middle, String surname,
        LocalDate birth, Names.City city, String address, List<Doc> docs, List<Phone> phones, String email,
        List<String> agencies, boolean multiIdentity, String suffix) {

    record Doc(String type, String number, LocalDate from) {}

    record Phone(String e164, LocalDate from) {}

    /** The same person under other names and date of birth (a spouse, a relative named after another). */
    Person renamed(boolean isFemale, String newGiven, String newMiddle, String newSurname, LocalDate newBirth,
            String newSuffix) {
        return new Person(id, role, group, isFemale, newGiven, newMiddle, newSurname, newBirth, city, address, docs,
                phones, email, agencies, multiIdentity, newSuffix);
    }

    /** The same person living in another's home: that home's address, city and local agencies. */
    Person livingWith(Person other) {
        return new Person(id, role, group, female, given, middle, surname, birth, other.city, other.address, docs,
                phones, email, other.agencies, multiIdentity, suffix);
    }

    Person withContact(String newEmail, List<Phone> newPhones) {
        return new Person(id, role, group, female, given, middle, surname, birth, city, address, docs, newPhones,
                newEmail, agencies, multiIdentity, suffix);
    }

    Person withDocs(List<Doc> newDocs) {
        return new Person(id, role, group, female, given, middle, surname, birth, city, address, newDocs, phones,
                email, agencies, multiIdentity, suffix);
    }

    Person withBirth(LocalDate newBirth) {
        return renamed(female, given, middle, surname, newBirth, suffix);
    }

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
