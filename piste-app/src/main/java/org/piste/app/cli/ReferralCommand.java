package org.piste.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "referral", mixinStandardHelpOptions = true,
        description = {"Foreign police referrals: import a referrals file (docs/referrals.md), match its subjects to the",
                "stored entities, list and show referrals, accept or reject matches."},
        subcommands = {ReferralImportCommand.class, ReferralListCommand.class, ReferralShowCommand.class,
                ReferralDecideCommand.Accept.class, ReferralDecideCommand.Reject.class})
public final class ReferralCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
