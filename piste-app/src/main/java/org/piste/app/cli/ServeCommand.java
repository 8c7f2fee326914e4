package org.piste.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.piste.app.web.PisteWeb;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts the web application (and its REST API under /api) until interrupted (Ctrl-C).",
                "Create the first account with 'piste admin create-user NAME --role admin'."})
public final class ServeCommand extends ConsoleCommand {

    @Option(names = "--port", description = "TCP port (default ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--host", description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only;"
            + " put a TLS reverse proxy in front for anything else).")
    String host = "127.0.0.1";

    @Override
    ConsoleAccess access() {
        return new ConsoleAccess.Installation();
    }

    @Override
    int run() throws InterruptedException {
        serve(main, out, host, port);
        return 0;
    }

    /** Starts the server, prints where it listens, and blocks until the JVM is asked to stop. */
    static void serve(Main main, PrintWriter out, String host, int port) throws InterruptedException {
        ConfigurableApplicationContext context;
        try {
            // Production settings (OIDC client registration, TLS, session...) in PISTE_HOME/web.properties.
            String settings = "optional:file:" + main.home().resolve("web.properties").toAbsolutePath();
            context = PisteWeb.start(main.database(), new PisteWeb.Options(host, port,
                    java.util.Map.of("spring.config.additional-location", settings)));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            if (root instanceof java.net.BindException) {
                throw new IllegalStateException("cannot listen on " + host + ":" + port + " (" + root.getMessage()
                        + "): is Piste already running? choose another port with --port");
            }
            throw e;
        }
        // Stopping the JVM closes the database, which stops the web server first, then anchors the audit trail.
        main.database().closeFirst(context);
        out.printf("Piste is running at http://%s:%d/ (Ctrl-C stops it).%n", host.equals("0.0.0.0") ? "localhost" : host, port);
        out.flush();
        new CountDownLatch(1).await();
    }
}
