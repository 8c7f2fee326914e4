package org.piste.app.cli;

import picocli.CommandLine.Command;

@Command(name = "deadlines", mixinStandardHelpOptions = true,
        description = "What is late and what is due within 7 days, on the cases you see (requisitions sent...).")
public final class DeadlinesCommand extends ConsoleCommand {

    @Override
    ConsoleAccess access() {
        return ConsoleAccess.read("/deadlines");
    }

    @Override
    int run() {
        var all = main.services().deadlines().list(main.actor());
        if (all.isEmpty()) out.println("Nothing late, nothing due within 7 days.");
        for (var d : all) {
            out.printf("%-5s %-10s case %-5d %-15s %-20s %s%n", d.late() ? "LATE" : "DUE", d.dueOn(), d.caseId(),
                    d.kind(), d.number(), d.addressee());
        }
        out.flush();
        return 0;
    }
}
