package org.piste.app.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.piste.app.imports.TransferRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "transfers", mixinStandardHelpOptions = true,
        description = "Lists stored transfers, each with the source row it came from (sha256:line).")
public final class TransfersCommand extends ConsoleCommand {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    @Option(names = "--source", description = "Only this source (id or SHA-256 prefix).")
    String source;

    @Option(names = "--limit", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit = 20;

    @Override
    ConsoleAccess access() {
        return ConsoleAccess.read("/imports/transfers");
    }

    @Override
    int run() {
        print(main, out, Optional.ofNullable(source), limit);
        return 0;
    }

    static void print(Main main, PrintWriter out, Optional<String> source, int limit) {
        Optional<Long> sourceId = source.map(s -> main.services().sourceRepository().find(s)
                .orElseThrow(() -> new IllegalArgumentException("no source '" + s + "' (see 'piste sources')")).id());
        out.printf("%-12s %-24s %-9s %12s %14s  %-26s %-26s %-16s %s%n", "reference", "sent (sender's local time)",
                "status", "sent", "paid", "sender", "recipient", "payout city", "source row");
        for (var t : new TransferRepository(main.database()).list(main.actor(), sourceId, limit)) {
            out.printf("%-12s %-24s %-9s %12s %14s  %-26s %-26s %-16s %s%n", t.reference(), LOCAL.format(t.sentAtLocal()),
                    t.status(), t.sent(), t.paid().map(Object::toString).orElse("-"),
                    SourcesCommand.cut(t.senderName(), 26), SourcesCommand.cut(t.recipientName(), 26),
                    SourcesCommand.cut(t.payoutCity(), 16), t.source());
        }
        out.flush();
    }
}
