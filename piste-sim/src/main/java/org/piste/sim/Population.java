package org.piste.sim;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The population, derived on demand from the seed: households (units) in sender order, and the shared pools of
 * recipients (facilitator operations, sponsorship coordinators, scam rings, freelance workers). Nothing is
 * stored: any person can be rebuilt from the seed and its coordinates, so memory does not grow with the run.
 */
final class Population {
    /** A household's kind and the sender slots it occupies. */
    record Head(int index, Role kind, int firstSlot, int size) {}

    private static final Role[] KINDS = {Role.DIASPORA_FAMILY, Role.PARTNER_SUPPORTER, Role.SPONSOR, Role.EMPLOYER,
        Role.ROMANCE_VICTIM, Role.OCCASIONAL, Role.BUYER};
    /** Mean workers per employer and clients per worker (assumptions). */
    static final double WORKERS_PER_EMPLOYER = 2.0, CLIENTS_PER_WORKER = 1.5;

    private final SimConfig cfg;
    private final People people;
    private final long seed;
    private final double[] kindWeights;
    /** Senders in one diaspora family: 1, 2, 3... with the configured shares. */
    private final double[] familySizes;
    private final double[] opPopularity;
    final int facilitatorOps, coordinators, scamRings, workers;
    /** Operations of one facilitator each, after the shared ones, for the buyers who pay a facilitator of their own. */
    final int loneOps;

    Population(SimConfig cfg, People people) {
        this.cfg = cfg;
        this.people = people;
        this.seed = cfg.seed();
        SimConfig.Shares s = cfg.shares();
        List<Double> sizes = cfg.patterns().familySizes();
        double[] sizeShares = new double[sizes.size()];
        double meanSize = 0; // the shares sum to 1
        for (int i = 0; i < sizeShares.length; i++) {
            sizeShares[i] = sizes.get(i);
            meanSize += (i + 1) * sizeShares[i];
        }
        familySizes = Draw.cumulative(sizeShares);
        // Households are drawn with weight share/size so that senders, not households, follow the shares.
        kindWeights = Draw.cumulative(s.diasporaFamily() / meanSize, s.partner(), s.sponsor(), s.employer(),
                s.romanceVictim(), s.occasional(), s.buyer());
        double n = cfg.senders();
        facilitatorOps = (int) Math.max(1, Math.round(n * s.buyer() * cfg.buyers().operationsPerBuyer() / cfg.buyers().buyersPerFacilitator()));
        loneOps = cfg.buyers().loneFacilitatorShare() == 0 ? 0
                : (int) Math.max(1, Math.round(n * s.buyer() * cfg.buyers().loneFacilitatorShare()));
        coordinators = (int) Math.max(1, Math.round(n * s.sponsor() * cfg.others().sponsorViaCoordinator()
                / cfg.others().sponsorsPerCoordinator()));
        scamRings = (int) Math.max(1, Math.round(n * s.romanceVictim() / cfg.others().victimsPerScammer()));
        workers = (int) Math.max(1, Math.round(n * s.employer() * WORKERS_PER_EMPLOYER / CLIENTS_PER_WORKER));
        double[] w = new double[facilitatorOps];
        for (int i = 0; i < w.length; i++) w[i] = 1.0 / Math.pow(i + 1, cfg.buyers().facilitatorZipf());
        opPopularity = Draw.cumulative(w);
    }

    Head head(int index, int firstSlot) {
        SplittableRandom r = Seeds.rng(seed, Seeds.UNIT, index, 0);
        Role kind = KINDS[Draw.weighted(r, kindWeights)];
        int size = kind == Role.DIASPORA_FAMILY ? 1 + Draw.weighted(r, familySizes) : 1;
        return new Head(index, kind, firstSlot, Math.min(size, cfg.senders() - firstSlot));
    }

    /** Visits every household in order. */
    void forEachHead(Consumer<Head> visit) {
        int slot = 0;
        for (int u = 0; slot < cfg.senders(); u++) {
            Head h = head(u, slot);
            visit.accept(h);
            slot += h.size();
        }
    }

    int popularOperation(SplittableRandom r) {
        return Draw.weighted(r, opPopularity);
    }

    /** One of the lone facilitators, at random: about one buyer each (a few share one by chance). */
    int loneOperation(SplittableRandom r) {
        return facilitatorOps + r.nextInt(loneOps);
    }

    private SplittableRandom pool(int kind, int a, int b) {
        return Seeds.rng(seed, Seeds.POOL * 100 + kind, a, b);
    }

    int operationSize(int op) {
        if (op >= facilitatorOps) return 1;
        SplittableRandom r = pool(1, op, -1);
        return Draw.chance(r, cfg.buyers().familyOperationShare()) ? 2 + r.nextInt(4) : 1;
    }

    /** A member of a facilitator operation; a family operation shares one surname and mostly one middle name. */
    Person facilitator(int op, int k) {
        SplittableRandom opr = pool(1, op, -1);
        boolean family = op < facilitatorOps && Draw.chance(opr, cfg.buyers().familyOperationShare());
        String surname = People.surname(opr, true);
        String maiden = People.otherSurname(opr, surname);
        SplittableRandom r = pool(1, op, k);
        boolean elder = family && k == 0;
        boolean female = Draw.chance(r, elder ? 0.85 : 0.65);
        String middle = family && k < 3 ? maiden : "";
        return people.make(r, new People.Spec("F" + op + "-" + k, Role.FACILITATOR, "OP" + op, female, true,
                family ? surname : "", middle, elder ? 38 : 20, elder ? 62 : 50, 2 + r.nextInt(3), false));
    }

    Person coordinator(int c) {
        SplittableRandom r = pool(2, c, 0);
        return people.make(r, new People.Spec("C" + c, Role.COORDINATOR, "SPC" + c, Draw.chance(r, 0.7), true, "", "",
                30, 65, 1, false));
    }

    int ringSize(int ring) {
        return 1 + pool(3, ring, -1).nextInt(4);
    }

    /** Scam-ring members carry unrelated names (no shared surname). */
    Person scammer(int ring, int k) {
        SplittableRandom r = pool(3, ring, k);
        return people.make(r, new People.Spec("X" + ring + "-" + k, Role.SCAMMER, "RING" + ring, Draw.chance(r, 0.5),
                true, "", "", 20, 42, 1 + r.nextInt(2), false));
    }

    Person worker(int w) {
        SplittableRandom r = pool(4, w, 0);
        return people.make(r, new People.Spec("W" + w, Role.WORKER, "", Draw.chance(r, 0.55), true, "", "", 20, 42, 1,
                false));
    }

    /** Every pooled person, in a fixed order (for the ground truth). */
    void forEachPooled(Consumer<Person> visit) {
        for (int op = 0; op < facilitatorOps + loneOps; op++) {
            int size = operationSize(op);
            for (int k = 0; k < size; k++) visit.accept(facilitator(op, k));
        }
        for (int c = 0; c < coordinators; c++) visit.accept(coordinator(c));
        for (int ring = 0; ring < scamRings; ring++) {
            int size = ringSize(ring);
            for (int k = 0; k < size; k++) visit.accept(scammer(ring, k));
        }
        for (int w = 0; w < workers; w++) visit.accept(worker(w));
    }
}
