package org.piste.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that works on Piste's data has: {@link Main} (home, database, audit) and the output of the
 * command line it runs in. A command implements {@link #run()}; picocli calls {@link #call()}.
 */
abstract class ConsoleCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    Main main;
    PrintWriter out;

    @Override
    public final Integer call() throws Exception {
        main = (Main) spec.root().userObject();
        out = spec.commandLine().getOut();
        main.admit(access(), spec.qualifiedName(" ").replaceFirst("^piste ", ""));
        return run();
    }

    /** Who may run the command: decided before it starts. */
    abstract ConsoleAccess access();

    /** Runs the command; returns the exit code. */
    abstract int run() throws Exception;
}
