package org.piste.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.piste.ingest.MappingProfile;
import org.piste.ingest.Profiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "profiles", mixinStandardHelpOptions = true, description = "Lists the built-in mapping profiles.")
public final class ProfilesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String name : Profiles.BUILT_IN) {
            MappingProfile p = Profiles.load(name);
            out.printf("%-12s %s%n", name, p.description());
        }
        out.println("Any other layout: write a profile file (docs/profiles.md) and pass its path to --profile.");
        out.flush();
        return 0;
    }
}
