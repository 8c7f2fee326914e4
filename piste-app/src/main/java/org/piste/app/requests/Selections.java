package org.piste.app.requests;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.piste.app.cases.CaseService;
import org.piste.app.network.FtmExport;
import org.piste.app.requests.RequestAbroad.SubjectChoice;
import org.piste.app.requests.RequestAbroad.TransferChoice;

/** What a request's package may hold and what it does hold, inside the caller's transaction. No access check here. */
final class Selections {
    private Selections() {}

    /**
     * The subjects' transfers a page offers, at most {@code cap}, plus every chosen one whatever the cap: the page
     * posts back what it shows ticked, so a chosen transfer not shown would be dropped on saving.
     */
    static List<TransferChoice> candidates(Connection c, List<String> entities, Set<Long> chosen, int cap)
            throws SQLException {
        List<TransferChoice> transfers = new ArrayList<>(RequestStore.transfersOf(c, entities, Optional.empty(), chosen,
                cap));
        Set<Long> shown = new HashSet<>(transfers.stream().map(TransferChoice::id).toList());
        if (!shown.containsAll(chosen)) {
            RequestStore.transfersOf(c, entities, Optional.of(chosen), chosen, Integer.MAX_VALUE).stream()
                    .filter(t -> !shown.contains(t.id())).forEach(transfers::add);
            transfers.sort(Comparator.comparing(TransferChoice::sentAt).thenComparing(TransferChoice::id));
        }
        return transfers;
    }

    /** The package from the selection as it is now: the chosen subjects and transfers, nothing else. */
    static RequestPackage.Made produce(Connection c, RequestAbroad r) throws SQLException {
        Set<String> chosenSubjects = RequestStore.chosenSubjects(c, r.id());
        Set<Long> chosenTransfers = RequestStore.chosenTransfers(c, r.id());
        List<SubjectChoice> subjects = CaseService.subjectsIn(c, r.caseId()).stream()
                .filter(s -> chosenSubjects.contains(s.recordId()))
                .map(s -> new SubjectChoice(s.recordId(), s.entityId(), s.kind().name(), s.label(), true))
                .sorted(Comparator.comparing(SubjectChoice::recordId)).toList();
        List<TransferChoice> transfers = chosenTransfers.isEmpty() ? List.of() : RequestStore.transfersOf(c,
                subjects.stream().map(SubjectChoice::entityId).toList(), Optional.of(chosenTransfers), chosenTransfers,
                Integer.MAX_VALUE);
        Map<String, String> persons = new LinkedHashMap<>();
        subjects.forEach(s -> persons.putIfAbsent(s.entityId(), s.label()));
        FtmExport.Export ftm = FtmExport.forTransfers(c, persons, transfers.stream().map(TransferChoice::id).toList());
        return RequestPackage.build(r, subjects, transfers, ftm.lines());
    }
}
