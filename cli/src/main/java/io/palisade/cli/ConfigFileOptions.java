package io.palisade.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.palisade.runtime.config.ConfigBinder;
import io.palisade.runtime.config.InvalidConfigException;
import io.palisade.runtime.config.Validatable;
import picocli.CommandLine.Option;

/**
 * How a service takes its configuration: one YAML file, then {@code PALISADE_*} environment variables, then the
 * service's own options; {@code --dry-run} prints the result instead of starting.
 */
final class ConfigFileOptions {

    /** Exit code of an invalid configuration, the same as picocli's for a usage error. */
    static final int INVALID_CONFIG = 2;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "${env:PALISADE_CONFIG}",
            description = "YAML configuration file (env PALISADE_CONFIG; default: none, every setting at its default).")
    Path configFile;

    @Option(names = "--dry-run",
            description = "Print the effective configuration (secrets redacted) and exit; exit code 2 if invalid.")
    boolean dryRun;

    /** What a service does once its configuration is valid; returns the exit code. */
    interface Start<T> {
        int start(T config) throws InterruptedException;
    }

    /**
     * Binds the configuration and starts the service with it; or prints every problem and returns
     * {@link #INVALID_CONFIG}; or, for a dry run, prints the configuration with secrets redacted and returns 0.
     *
     * @param service   the command's name, for messages
     * @param overrides the service's options given on the command line, by configuration key
     */
    <T extends Validatable> int bindThen(String service, ConfigBinder<T> binder, Map<String, String> overrides,
                                         Start<T> start) throws InterruptedException {
        T config;
        try {
            config = binder.load(Optional.ofNullable(configFile), System.getenv(), overrides);
        } catch (InvalidConfigException e) {
            System.err.println("palisade " + service + ": " + e.getMessage());
            return INVALID_CONFIG;
        }
        if (dryRun) {
            System.out.print(binder.toYaml(config));
            return 0;
        }
        return start.start(config);
    }
}
