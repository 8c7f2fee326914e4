package org.piste.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.piste.app.resolve.PersonListResolution;
import org.piste.resolve.Resolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "resolve-file", mixinStandardHelpOptions = true,
        description = {"Deduplicates a person list, or links two, without the database, and writes the clusters as CSV.",
                "The profile maps record_id and the sender_* fields (docs/profiles.md).",
                "One list: columns record_id,cluster_id. Two lists (--link): columns file,record_id,cluster_id, where",
                "file is 1 for FILE and 2 for the --link file. Cluster ids are 1, 2, ... in order of first appearance;",
                "rows keep the input order."})
public final class ResolveFileCommand extends ConsoleCommand {

    @Parameters(paramLabel = "FILE", description = "The person list (CSV or XLSX).")
    Path file;

    @Option(names = {"-p", "--profile"}, required = true, description = "Mapping profile of FILE (built-in name or file).")
    String profile;

    @Option(names = "--link", paramLabel = "FILE2", description = "A second list to link with the first.")
    Path link;

    @Option(names = "--profile2", paramLabel = "P2", description = "Mapping profile of FILE2 (default: --profile).")
    String profile2;

    @Option(names = "--out", required = true, description = "The clusters CSV to write.")
    Path clusters;

    @Option(names = "--threshold", paramLabel = "P", description = "Probability from which two records are linked, "
            + "strictly between 0 and 1 (default: ${DEFAULT-VALUE}).", defaultValue = "0.9")
    double threshold;

    @Option(names = "--show-model", description = "Print the match model learned: m, u and weight per field and level.")
    boolean showModel;

    @Override
    ConsoleAccess access() {
        return new ConsoleAccess.FilesOnly();
    }

    @Override
    int run() {
        if (profile2 != null && link == null) throw new IllegalArgumentException("--profile2 needs --link FILE2");
        long started = System.nanoTime();
        Optional<PersonListResolution.Input> second = Optional.ofNullable(link)
                .map(l -> new PersonListResolution.Input(l, profile2 != null ? profile2 : profile));
        if (!(threshold > 0 && threshold < 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threshold must be strictly between 0 and 1");
        }
        var r = PersonListResolution.run(new PersonListResolution.Input(file, profile), second, clusters,
                Resolver.Settings.defaults().withThreshold(threshold));
        out.printf("%s %,d records into %,d clusters (%,d with more than one record); %,d links, %,d candidate pairs "
                + "(reduction ratio %.6f), %.1f s.%n", second.isPresent() ? "Linked" : "Deduplicated", r.records(),
                r.clusters(), r.multiRecordClusters(), r.links(), r.blocking().candidatePairs(),
                r.blocking().reductionRatio(), (System.nanoTime() - started) / 1e9);
        if (!r.unreadable().isEmpty()) {
            out.printf("%,d unreadable rows left out (wrong column count or blank): %s%n", r.unreadable().size(),
                    String.join(", ", r.unreadable().subList(0, Math.min(10, r.unreadable().size())))
                            + (r.unreadable().size() > 10 ? ", ..." : ""));
        }
        Format.setAside(out, r.setAside());
        r.notCompared().forEach((kind, n) -> out.printf("Not compared: %,d records carry a %s (value kept as written).%n",
                n, kind.label()));
        ResolutionFormat.model(out, r.model(), showModel);
        out.printf("Wrote %s%n", clusters);
        out.flush();
        return 0;
    }
}
