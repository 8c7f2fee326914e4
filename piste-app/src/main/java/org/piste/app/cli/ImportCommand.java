package org.piste.app.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.piste.app.imports.ImportRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports a transfer export. Every row ends accepted, quarantined (with a reason) or duplicate;",
                "the import is one transaction, and a file already imported (same SHA-256) is not imported again.",
                "After an import, the parties of all stored transfers are resolved into entities (see 'piste resolve')."})
public final class ImportCommand extends ConsoleCommand {

    @Parameters(paramLabel = "FILE", description = "The file as received (CSV or XLSX).")
    Path file;

    @Option(names = {"-p", "--profile"}, required = true,
            description = "Mapping profile: a built-in name (see 'piste profiles') or a profile file.")
    String profile;

    @Option(names = "--provider", description = "The operator or bank that produced the file.")
    String provider = "";

    @Option(names = "--legal-ref", description = "Legal basis of the file, e.g. the requisition number.")
    String legalRef = "";

    @Option(names = "--received", description = "Day the file was received (YYYY-MM-DD; default today).")
    LocalDate received;

    @Option(names = "--encoding", description = "Overrides the profile's character set (e.g. UTF-8, windows-1252).")
    Charset encoding;

    @Option(names = "--dry-run", description = "Read and check everything, store nothing.")
    boolean dryRun;

    @Option(names = "--bulk", description = "A first load while nothing else uses the database: the search indexes are "
            + "built once after the rows (faster for millions of rows); searches and audited actions wait for the import.")
    boolean bulk;

    @Override
    ConsoleAccess access() {
        return ConsoleAccess.change("/imports");
    }

    @Override
    int run() {
        ImportRequest request = new ImportRequest(file, profile, provider, legalRef, Optional.ofNullable(received),
                Optional.ofNullable(encoding), dryRun, bulk);
        ConsoleImport.run(main, out, request, stored -> {});
        return 0;
    }
}
