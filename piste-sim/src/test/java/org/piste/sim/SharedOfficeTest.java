package org.piste.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Senders who give an office's or helper's e-mail or phone, shared with about ten unrelated senders. */
class SharedOfficeTest {
    private static final int GROUP = 9;

    @TempDir
    Path dir;

    @Test
    void officeContactsAreSharedByUnrelatedSendersAtTheConfiguredRate() throws Exception {
        SimConfig base = Runs.small(3_000, 12).withSeed(29).withBadRows(0, 0);
        SimConfig.Patterns p = base.patterns().withSharedOffice(0.1, 10);
        Path a = dir.resolve("own"), b = dir.resolve("office");
        Simulator.run(base, a, Format.CANONICAL, Simulator.Progress.NONE);
        Simulator.run(base.withPatterns(p), b, Format.CANONICAL, Simulator.Progress.NONE);

        // The same persons and transfers; only the senders' e-mail and phone columns may differ.
        for (String f : List.of("truth/persons.csv", "truth/transfers.csv")) {
            assertThat(Files.mismatch(a.resolve(f), b.resolve(f))).as(f).isEqualTo(-1L);
        }
        List<CsvRecord> own = TransferRows.records(a.resolve("transfers.csv"), Format.CANONICAL);
        List<CsvRecord> office = TransferRows.records(b.resolve("transfers.csv"), Format.CANONICAL);
        List<String> header = own.get(0).getFields();
        Set<Integer> contact = Set.of(header.indexOf("sender_email"), header.indexOf("sender_phone"));
        long changed = 0;
        for (int i = 1; i < own.size(); i++) {
            for (int c = 0; c < header.size(); c++) {
                String x = own.get(i).getField(c), y = office.get(i).getField(c);
                if (!contact.contains(c)) assertThat(y).isEqualTo(x);
                else if (!x.equals(y)) changed++;
            }
        }
        assertThat(changed).isPositive();

        Map<String, List<String>> persons = TransferRows.persons(b);
        assertThat(officeIdentifiers(a, persons)).as("no contact shared by unrelated senders without offices").isEmpty();
        Map<String, Set<String>> offices = officeIdentifiers(b, persons);
        assertThat(offices).isNotEmpty();

        // Among senders who wrote both an e-mail and a phone somewhere (whether a client's identifier shows does
        // not depend on that), the share of office clients; ~2,000 such senders give a standard error of 0.007.
        Set<String> both = new HashSet<>(), withEmail = new HashSet<>(), withPhone = new HashSet<>();
        for (TransferRows.Row r : TransferRows.intact(b, Format.CANONICAL)) {
            if (!r.get("sender_email").isEmpty()) withEmail.add(r.senderId());
            if (!r.get("sender_phone").isEmpty()) withPhone.add(r.senderId());
        }
        both.addAll(withEmail);
        both.retainAll(withPhone);
        assertThat(both).hasSizeGreaterThan(1_500);
        Set<String> clients = new HashSet<>();
        offices.values().forEach(clients::addAll);
        long seen = both.stream().filter(clients::contains).count();
        assertThat((double) seen / both.size()).isCloseTo(p.sharedOffice(), within(0.025));

        // About ten senders each: 300 clients over round(3,000 x 0.1 / 10) = 30 offices, most of them seen.
        List<Integer> sizes = new ArrayList<>(offices.values().stream().map(Set::size).sorted().toList());
        assertThat(sizes.get(sizes.size() / 2)).isBetween(5, 15);
        offices.keySet().stream().filter(id -> id.contains("@")).forEach(e -> assertThat(e).endsWith(".example"));
        assertThat(offices.keySet()).anyMatch(id -> id.contains("@")).anyMatch(id -> !id.contains("@"));
    }

    /** E-mails and phones (last 9 digits) written by three or more senders of three or more families or none. */
    private static Map<String, Set<String>> officeIdentifiers(Path dir, Map<String, List<String>> persons) {
        Map<String, Set<String>> users = new HashMap<>();
        for (TransferRows.Row r : TransferRows.intact(dir, Format.CANONICAL)) {
            String email = r.get("sender_email"), phone = r.get("sender_phone").replaceAll("\\D", "");
            if (!email.isEmpty()) users.computeIfAbsent(email, k -> new HashSet<>()).add(r.senderId());
            if (!phone.isEmpty()) {
                users.computeIfAbsent(phone.substring(Math.max(0, phone.length() - 9)), k -> new HashSet<>()).add(r.senderId());
            }
        }
        Map<String, Set<String>> shared = new HashMap<>();
        users.forEach((id, who) -> {
            Set<String> households = new HashSet<>();
            for (String s : who) households.add(persons.get(s).get(GROUP).isEmpty() ? s : persons.get(s).get(GROUP));
            if (households.size() >= 3) shared.put(id, who);
        });
        return shared;
    }
}
