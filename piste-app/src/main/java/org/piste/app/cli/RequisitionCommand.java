package org.piste.app.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.piste.app.accounts.Actor;
import org.piste.app.pipeline.Services;
import org.piste.app.requisitions.Requisition;
import org.piste.app.requisitions.RequisitionService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "requisition", mixinStandardHelpOptions = true,
        description = {"Requisitions of a case to an operator, bank or e-wallet (docs/cases.md): draft, list, show",
                "(--text: the French text to sign), mark sent. The export answering one is linked when imported",
                "with its number as legal reference."},
        subcommands = {RequisitionSubcommands.Draft.class, RequisitionSubcommands.ListOfCase.class,
                RequisitionSubcommands.Show.class, RequisitionSubcommands.Sent.class})
public final class RequisitionCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * For the demo: drafts requisition {@code number} of case {@code caseId} to the operator {@code addressee}
     * (article 77-1-1, over {@code from}..{@code to}) and marks it sent on {@code sentOn}, so that the export imported
     * afterwards with that number as legal reference answers it.
     */
    public static Requisition draftForDemo(Services s, Actor a, long caseId, String number, String addressee,
            LocalDate from, LocalDate to, LocalDate sentOn) {
        RequisitionService r = s.requisitionService();
        Requisition drafted = r.draft(a, caseId, new RequisitionService.NewRequisition(Optional.of(number), addressee,
                Requisition.AddresseeKind.OPERATOR, Requisition.LegalBasis.ART_77_1_1, from, to, List.of()));
        return r.markSent(a, caseId, drafted.id(), sentOn, Optional.empty());
    }
}
