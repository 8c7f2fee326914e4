package org.piste.app.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.piste.app.pipeline.Services;
import org.piste.app.store.Database;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The web application: a thin Spring shell over the same stores and services the CLI uses, on the database the
 * CLI opened. Scans only org.piste.app.web.
 */
@SpringBootApplication
public class PisteWeb {

    /** Where and how the server listens, and its clock (tests move it forward instead of waiting). */
    public record Options(String host, int port, Map<String, Object> extraProperties, Clock clock) {
        public Options(String host, int port, Map<String, Object> extraProperties) {
            this(host, port, extraProperties, Clock.systemUTC());
        }

        public static Options local(int port) {
            return new Options("127.0.0.1", port, Map.of());
        }
    }

    /** Starts the server on the given (open, migrated) database; returns once it listens. */
    public static ConfigurableApplicationContext start(Database database, Options options) {
        SpringApplication app = new SpringApplication(PisteWeb.class);
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.address", options.host());
        properties.put("server.port", options.port());
        properties.putAll(options.extraProperties());
        app.setDefaultProperties(properties);
        app.addInitializers(context -> {
            var beans = context.getBeanFactory();
            beans.registerSingleton("database", database);
            Services.on(database, options.clock()).byName().forEach(beans::registerSingleton); // constructed once, here
        });
        app.setLogStartupInfo(false);
        // Whoever starts the server closes it: ServeCommand through the database, which orders the stop.
        app.setRegisterShutdownHook(false);
        return app.run();
    }
}
