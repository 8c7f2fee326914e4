package org.piste.sim;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Foreign referrals (HSI, NCMEC, NCA, AFP...) naming true buyers and facilitators with partial, noisy
 * identifiers: a misspelled name, a city, a phone written another way or masked, one or two transfer
 * references seen in the file. Subjects are chosen before the transfers are written; their accepted transfers
 * are sampled while streaming (a small reservoir per subject).
 */
final class Referrals implements TransferFile.Observer {
    private static final String[] AGENCIES = {"HSI", "NCMEC", "NCA", "AFP", "FBI", "EUROPOL"};
    private static final int RESERVOIR = 6;

    /** A buyer known from the population pass. */
    record BuyerLink(Person buyer, List<Integer> operations, int payments) {}

    private record Subject(Person person, boolean buyer) {}

    private record Seen(String reference, LocalDate day) {}

    private static final class Sample {
        final List<Seen> kept = new ArrayList<>();
        long seen;
    }

    private final World w;
    private final SplittableRandom r;
    private final List<List<Subject>> plans = new ArrayList<>();
    private final Map<String, Sample> samples = new HashMap<>();

    Referrals(World w, List<BuyerLink> buyers) {
        this.w = w;
        this.r = Seeds.rng(w.cfg.seed(), Seeds.REFERRALS, 0, 0);
        if (buyers.isEmpty()) return;
        double[] weights = new double[buyers.size()];
        for (int i = 0; i < weights.length; i++) weights[i] = Math.sqrt(buyers.get(i).payments());
        double[] cumulative = Draw.cumulative(weights);
        for (int k = 0; k < w.cfg.referrals(); k++) {
            BuyerLink pivot = buyers.get(Draw.weighted(r, cumulative));
            int op = pivot.operations().get(0);
            List<Subject> subjects = new ArrayList<>();
            int size = w.population.operationSize(op);
            if (k % 2 == 0) {
                // A facilitator's seized phone: one or two members of the operation and some of its buyers.
                int members = Math.min(size, 1 + r.nextInt(2));
                for (int m = 0; m < members; m++) subjects.add(new Subject(w.population.facilitator(op, m), false));
                List<BuyerLink> clients = new ArrayList<>();
                for (BuyerLink b : buyers) if (b.operations().contains(op)) clients.add(b);
                int n = Math.min(clients.size(), 1 + r.nextInt(3));
                for (int i = 0; i < n; i++) subjects.add(new Subject(clients.remove(r.nextInt(clients.size())).buyer(), true));
            } else {
                // A buyer identified abroad, and the recipient the report names.
                subjects.add(new Subject(pivot.buyer(), true));
                subjects.add(new Subject(w.population.facilitator(op, r.nextInt(size)), false));
            }
            plans.add(subjects);
            for (Subject s : subjects) samples.putIfAbsent(s.person().id(), new Sample());
        }
    }

    @Override
    public void accepted(String reference, Txn t) {
        // A referral cites the payments for sessions, not a buyer's or a facilitator's family money (with the switches
        // off, every transfer of a buyer or a facilitator is one of these: the default data is unchanged).
        if (t.sender().role() != Role.BUYER || t.recipient().role() != Role.FACILITATOR) return;
        observe(t.sender().id(), reference, t);
        observe(t.recipient().id(), reference, t);
    }

    private void observe(String id, String reference, Txn t) {
        Sample s = samples.get(id);
        if (s == null) return;
        s.seen++;
        Seen seen = new Seen(reference, LocalDateTime.ofInstant(t.send(), World.PARIS).toLocalDate());
        if (s.kept.size() < RESERVOIR) s.kept.add(seen);
        else {
            long j = r.nextLong(s.seen);
            if (j < RESERVOIR) s.kept.set((int) j, seen);
        }
    }

    int count() {
        return plans.size();
    }

    /** Writes referrals.json and truth/referrals.csv. */
    void write(Path json, Path truthCsv) throws IOException {
        try (Writer out = Files.newBufferedWriter(json, StandardCharsets.UTF_8);
                var truth = Truth.writer(truthCsv)) {
            truth.writeRecord("referral_ref", "subject_index", "person_id", "role");
            out.write("[");
            for (int k = 0; k < plans.size(); k++) {
                String agency = Draw.pick(r, AGENCIES);
                List<String> subjectsJson = new ArrayList<>();
                LocalDate latest = w.first.plusDays(r.nextInt(w.days));
                List<Subject> subjects = plans.get(k);
                for (int i = 0; i < subjects.size(); i++) {
                    Subject s = subjects.get(i);
                    List<Seen> kept = samples.get(s.person().id()).kept;
                    List<String> refs = new ArrayList<>();
                    int n = kept.isEmpty() ? 0 : r.nextInt(Math.min(2, kept.size()) + 1);
                    List<Seen> pool = new ArrayList<>(kept);
                    for (int j = 0; j < n; j++) {
                        Seen seen = pool.remove(r.nextInt(pool.size()));
                        refs.add(seen.reference());
                        if (seen.day().isAfter(latest)) latest = seen.day();
                    }
                    subjectsJson.add(subject(s, refs));
                }
                LocalDate date = latest.plusDays(10 + r.nextInt(110));
                String ref = agency + "-" + date.getYear() + "-" + People.digits(r, 6);
                for (int i = 0; i < subjects.size(); i++) {
                    Subject s = subjects.get(i);
                    truth.writeRecord(ref, Integer.toString(i), s.person().id(), s.person().role().name());
                }
                out.write(k == 0 ? "\n  {" : ",\n  {");
                out.write("\"referral_ref\": " + json(ref) + ", \"agency\": " + json(agency) + ", \"date\": "
                        + json(Fmt.isoDate(date)) + ",\n   \"subjects\": [\n    "
                        + String.join(",\n    ", subjectsJson) + "]}");
            }
            out.write(plans.isEmpty() ? "]\n" : "\n]\n");
        }
    }

    private String subject(Subject s, List<String> refs) {
        Person p = s.person();
        String given = p.given(), surname = p.surname();
        if (Draw.chance(r, 0.5)) surname = Noise.typo(r, surname); else given = Noise.typo(r, given);
        if (Draw.chance(r, 0.4)) given = People.ascii(given);
        String name = Draw.chance(r, 0.5) ? given + " " + surname : surname.toUpperCase(Locale.ROOT) + " " + given;
        String city = Draw.chance(r, 0.2) ? "" : Draw.chance(r, 0.3) ? Noise.typo(r, p.city().name()) : p.city().name();
        String phone = phone(p.phones().get(r.nextInt(p.phones().size())).e164());
        String email = s.buyer() && Draw.chance(r, 0.6) ? p.email() : "";
        StringBuilder refsJson = new StringBuilder("[");
        for (int i = 0; i < refs.size(); i++) refsJson.append(i == 0 ? "" : ", ").append(json(refs.get(i)));
        return "{\"role\": " + json(s.buyer() ? "BUYER" : "FACILITATOR") + ", \"name\": " + json(name) + ", \"city\": "
                + json(city) + ", \"phone\": " + json(phone) + ", \"email\": " + json(email) + ", \"transfer_refs\": "
                + refsJson.append(']') + "}";
    }

    /** A phone as a foreign report gives it: missing, formatted otherwise, partly masked, or one digit wrong. */
    private String phone(String e164) {
        double x = r.nextDouble();
        if (x < 0.2) return "";
        if (x < 0.35) return e164.substring(0, e164.length() - 4) + "XXXX";
        if (x < 0.5) {
            char[] c = e164.toCharArray();
            int i = 5 + r.nextInt(c.length - 5);
            c[i] = (char) ('0' + (c[i] - '0' + 1 + r.nextInt(9)) % 10);
            return new String(c);
        }
        return Noise.phone(r, e164);
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c)); else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
