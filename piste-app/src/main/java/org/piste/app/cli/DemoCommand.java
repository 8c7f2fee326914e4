package org.piste.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.piste.app.Main;
import org.piste.app.demo.DemoSample;
import org.piste.app.ingest.ImportOutcome;
import org.piste.app.ingest.ImportRequest;
import org.piste.app.ingest.ImportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Writes a small synthetic export in the French operator layout, imports it and shows the result.")
public final class DemoCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path sample = main.home().resolve("demo").resolve("operator-export-demo.csv");
        int rows = DemoSample.write(sample);
        out.printf("Piste demo. Data: %s (%s).%n", main.home(), main.database().description());
        out.printf("Wrote %d synthetic rows in the French operator layout to %s%n", rows, sample);
        out.printf("$ piste import %s --profile fr-operator --provider DEMO-MTO --legal-ref REQ-DEMO-001%n", sample);
        ImportOutcome outcome = new ImportService(main.database()).importFile(
                ImportRequest.of(sample, "fr-operator").withProvider("DEMO-MTO").withLegalReference("REQ-DEMO-001"),
                org.piste.ingest.Importer.Progress.NONE);
        Format.outcome(out, outcome);
        out.println();
        out.println("$ piste transfers --limit 8");
        TransfersCommand.print(main, out, Optional.empty(), 8);
        out.println();
        out.println("Next: piste sources, piste quarantine 1 --duplicates, piste import FILE --profile PROFILE --dry-run");
        out.flush();
        return 0;
    }
}
