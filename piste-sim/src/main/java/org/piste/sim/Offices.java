package org.piste.sim;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Offices and remittance helpers whose contact many unrelated senders give instead of their own: an e-mail
 * (half of the offices), a phone (a quarter) or both (a quarter; assumption). Which senders are clients is a
 * trait of the person, drawn from the person's own stream, so the rest of the data does not change.
 */
final class Offices {
    /** What the office's clients write; an empty string for what this office does not give. */
    record Contact(String email, String phone) {}

    private static final String[] NAMES = {"envois-express", "transfert-services", "multiservices", "agence-solidaire",
        "aide-demarches", "cyber-services"};
    private static final String[] LOCAL_PARTS = {"contact", "info", "accueil", "envois"};

    private final long seed;
    private final double share;
    private final int count;

    Offices(SimConfig cfg) {
        this.seed = cfg.seed();
        this.share = cfg.patterns().sharedOffice();
        this.count = (int) Math.max(1, Math.round(cfg.senders() * share / cfg.patterns().officeGroupSize()));
    }

    /** The office contact a sender gives instead of their own, if the sender is a client of one. */
    Optional<Contact> of(Person p) {
        if (share == 0 || p.role().side() != Role.Side.SENDER) return Optional.empty();
        SplittableRandom x = Seeds.rng(seed, Seeds.PERSON, Seeds.hash(p.id()), 1);
        return Draw.chance(x, share) ? Optional.of(contact(x.nextInt(count))) : Optional.empty();
    }

    Contact contact(int office) {
        SplittableRandom r = Seeds.rng(seed, Seeds.OFFICE, office, 0);
        double kind = r.nextDouble();
        String email = kind < 0.75
                ? Draw.pick(r, LOCAL_PARTS) + "@" + Draw.pick(r, NAMES) + "-" + office + ".example" : "";
        String phone = kind >= 0.5 ? "+33" + Draw.pick(r, new String[] {"1", "4", "9"}) + People.digits(r, 8) : "";
        return new Contact(email, phone);
    }
}
