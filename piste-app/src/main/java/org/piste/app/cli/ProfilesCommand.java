package org.piste.app.cli;

import org.piste.ingest.MappingProfile;
import org.piste.ingest.Profiles;
import picocli.CommandLine.Command;

@Command(name = "profiles", mixinStandardHelpOptions = true, description = "Lists the built-in mapping profiles.")
public final class ProfilesCommand extends ConsoleCommand {

    @Override
    ConsoleAccess access() {
        return new ConsoleAccess.FilesOnly();
    }

    @Override
    int run() {
        for (String name : Profiles.BUILT_IN) {
            MappingProfile p = Profiles.load(name);
            out.printf("%-12s %s%n", name, p.description());
        }
        out.println("Any other layout: write a profile file (docs/profiles.md) and pass its path to --profile.");
        out.flush();
        return 0;
    }
}
