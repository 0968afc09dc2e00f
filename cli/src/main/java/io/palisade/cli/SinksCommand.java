package io.palisade.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.palisade.runtime.config.InvalidConfigException;
import io.palisade.runtime.metrics.ServiceMetrics;
import io.palisade.runtime.ops.OpsServer;
import io.palisade.schema.Severity;
import io.palisade.sinks.SinkMetrics;
import io.palisade.sinks.SinkState;
import io.palisade.sinks.SinksApp;
import io.palisade.sinks.config.SinkConfig;
import io.palisade.sinks.config.SinksConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code palisade sinks}: delivers palisade.alerts to the destinations of a YAML file (Elasticsearch, Slack, S3),
 * one consumer group per sink so a slow or broken destination never holds up another. Serves per-sink metrics and
 * health on the ops port; {@code /health} is 503 while any sink is stopped.
 */
@Command(name = "sinks", mixinStandardHelpOptions = true,
        description = {"Deliver alerts from palisade.alerts to Elasticsearch, Slack and S3, one consumer group per "
                + "sink; offsets are committed only after a destination stored the alerts.",
                "Sinks come from --config FILE (YAML, see config/sinks.example.yml; $${ENV_VAR} in values is "
                        + "replaced from the environment), or, without a file, --elasticsearch URL alone."})
final class SinksCommand implements Callable<Integer> {

    /** Exit code of an invalid configuration, as the other services'. */
    static final int INVALID_CONFIG = ConfigFileOptions.INVALID_CONFIG;

    private static final Logger LOG = LoggerFactory.getLogger(SinksCommand.class);

    @Mixin
    private KafkaOptions kafkaOptions;

    @Mixin
    private OpsOptions opsOptions;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "${env:PALISADE_SINKS_CONFIG}",
            description = "YAML file listing the sinks (env PALISADE_SINKS_CONFIG).")
    private Path configFile;

    @Option(names = "--elasticsearch", defaultValue = "${env:PALISADE_ELASTICSEARCH_URL}",
            description = "Without --config: one Elasticsearch sink at this URL, e.g. http://127.0.0.1:9200 "
                    + "(env PALISADE_ELASTICSEARCH_URL).")
    private URI elasticsearchUrl;

    @Option(names = "--elasticsearch-min-severity", defaultValue = "DEBUG",
            description = "With --elasticsearch: lowest severity indexed: ${COMPLETION-CANDIDATES} "
                    + "(default ${DEFAULT-VALUE}).")
    private Severity elasticsearchMinimum;

    @Option(names = "--dry-run",
            description = "Print the effective configuration (secrets redacted) and exit; exit code 2 if invalid.")
    private boolean dryRun;

    @Override
    public Integer call() throws InterruptedException {
        SinksConfig config;
        try {
            config = config();
        } catch (InvalidConfigException e) {
            System.err.println("palisade sinks: " + e.getMessage());
            return INVALID_CONFIG;
        }
        if (dryRun) {
            System.out.print(SinksConfig.binder().toYaml(config));
            return 0;
        }
        return run(config);
    }

    private SinksConfig config() {
        if (configFile != null) {
            return SinksConfig.binder().load(Optional.of(configFile), System.getenv(), Map.of());
        }
        if (elasticsearchUrl == null) {
            throw new InvalidConfigException("sinks", List.of(
                    "no sinks: give --config FILE (env PALISADE_SINKS_CONFIG) or --elasticsearch URL"));
        }
        SinksConfig config = new SinksConfig(List.of(new SinkConfig("elasticsearch", "elasticsearch",
                elasticsearchMinimum, null, null, null, null, null,
                new SinkConfig.ElasticsearchSection(elasticsearchUrl, null, null, null, null), null, null)));
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new InvalidConfigException("sinks", problems);
        }
        return config;
    }

    private int run(SinksConfig config) throws InterruptedException {
        Map<String, Object> kafka = kafkaOptions.kafkaClientProperties();
        try (ServiceMetrics metrics = ServiceMetrics.create("sinks", PalisadeVersion.current());
             SinksApp app = SinksApp.start(kafka, config.open(), metrics.registry());
             OpsServer ops = OpsServer.start(opsOptions.opsAddress(9465), () -> health(app.metrics()),
                     metrics.registry())) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(app), "sinks-stop"));
            LOG.atInfo().addKeyValue("bootstrap_servers", kafkaOptions.bootstrapServers)
                    .addKeyValue("sinks", config.sinks().stream().map(s -> s.name() + "(" + s.type() + ")")
                            .collect(Collectors.joining(", ")))
                    .addKeyValue("ops", "http://127.0.0.1:" + ops.port()).log("sinks started");
            app.awaitStopped();
            app.failures().forEach(failure -> LOG.atError().setCause(failure).log("sink stopped"));
            return app.failures().isEmpty() ? 0 : 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Healthy while no sink is stopped; a retrying sink is still healthy (it recovers alone) but says so. */
    static OpsServer.Health health(List<SinkMetrics.Snapshot> sinks) {
        boolean healthy = sinks.stream().noneMatch(s -> s.state().phase() == SinkState.Phase.STOPPED);
        return new OpsServer.Health(healthy, sinks.stream().map(s -> s.sink() + " " + s.state().describe())
                .collect(Collectors.joining("; ")));
    }

    private static void closeQuietly(SinksApp app) {
        try {
            app.close();
        } catch (IOException e) {
            LOG.atWarn().setCause(e).log("sinks did not close cleanly");
        }
    }
}
