package io.palisade.cli;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.palisade.processor.DeadLetterOnProcessingError;
import io.palisade.processor.ProcessorConfig;
import io.palisade.processor.SecurityTopology;
import io.palisade.processor.StreamsSettings;
import io.palisade.processor.inventory.InventoryServer;
import io.palisade.rules.RuleCompilationException;
import io.palisade.rules.RuleEngine;
import io.palisade.runtime.metrics.ServiceMetrics;
import io.palisade.runtime.ops.OpsServer;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code palisade processor}: runs the Kafka Streams application. Configuration comes from one YAML file
 * ({@code --config}), then {@code PALISADE_*} environment variables, then the flags below; {@code --dry-run} prints
 * the result. Start more instances with the same application id to scale out; Kafka spreads the partitions over them.
 */
@Command(name = "processor", mixinStandardHelpOptions = true,
        description = {"Run the stream processor (Kafka Streams, exactly-once). Scale out by starting more instances "
                + "with the same application id.",
                "Settings: --config FILE (YAML), overridden by environment variables PALISADE_<KEY> (e.g. "
                        + "PALISADE_KAFKA_BOOTSTRAP_SERVERS, PALISADE_CORRELATIONS_FLEET_MIN_HOSTS=5), overridden by "
                        + "the options below. See config/processor.example.yml."})
final class ProcessorCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorCommand.class);

    @Spec
    private CommandSpec spec;

    @Mixin
    private KafkaOptions kafkaOptions;

    @Mixin
    private OpsOptions opsOptions;

    @Mixin
    private ConfigFileOptions configOptions;

    @Option(names = "--application-id",
            description = "Kafka Streams application id shared by all instances (application_id; default "
                    + StreamsSettings.DEFAULT_APPLICATION_ID + ").")
    private String applicationId;

    @Option(names = "--state-dir",
            description = "Local state store directory (state_dir, env PALISADE_STATE_DIR; default "
                    + ".palisade/processor-state).")
    private String stateDir;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Directory of extra rules and allow-lists (repeatable); a broken rule stops the start.")
    private List<Path> ruleDirs = new ArrayList<>();

    @Option(names = "--threads",
            description = "Stream threads (stream_threads, env PALISADE_STREAM_THREADS or PALISADE_PROCESSOR_THREADS; "
                    + "default 1).")
    private String threads;

    @Option(names = "--enrichment-max-wait", paramLabel = "DURATION",
            description = "How long an event of a container not yet in the inventory waits for it before it is "
                    + "evaluated without it, e.g. 30s or PT30S (enrichment_max_wait; default 30s).")
    private String enrichmentMaxWait;

    @Option(names = "--suppression-emit-interval", paramLabel = "DURATION",
            description = "At most one updated record per alert id per interval while repeats come in "
                    + "(suppression_emit_interval; default 10s).")
    private String suppressionEmitInterval;

    @Option(names = "--suppression-grace", paramLabel = "DURATION",
            description = "Event time after an alert window ends during which late repeats still count "
                    + "(suppression_grace; default 1m).")
    private String suppressionGrace;

    @Option(names = "--query-port",
            description = "Port of the fleet inventory endpoint /inventory/... (query.port; default 9470).")
    private String queryPort;

    @Option(names = "--query-host",
            description = "Address the inventory endpoint listens on (query.host; default 127.0.0.1; 0.0.0.0 when "
                    + "other instances or users reach it over the network).")
    private String queryHost;

    @Option(names = "--query-advertised-host",
            description = "Host name other processor instances reach this one's inventory endpoint at; becomes "
                    + "application.server with the query port (query.advertised_host; default: the query host, or "
                    + "this machine's host name when that is 0.0.0.0).")
    private String queryAdvertisedHost;

    @Override
    public Integer call() throws InterruptedException {
        return configOptions.bindThen("processor", ProcessorConfig.binder(), flagOverrides(), this::run);
    }

    /** The options given on the command line, as configuration keys; options left out do not override anything. */
    private Map<String, String> flagOverrides() {
        Map<String, String> overrides = new HashMap<>(
                kafkaOptions.configOverrides(spec.commandLine().getParseResult()));
        Optional.ofNullable(applicationId).ifPresent(v -> overrides.put("application_id", v));
        Optional.ofNullable(stateDir).ifPresent(v -> overrides.put("state_dir", v));
        Optional.ofNullable(threads).ifPresent(v -> overrides.put("stream_threads", v));
        Optional.ofNullable(enrichmentMaxWait).ifPresent(v -> overrides.put("enrichment_max_wait", v));
        Optional.ofNullable(suppressionEmitInterval).ifPresent(v -> overrides.put("suppression_emit_interval", v));
        Optional.ofNullable(suppressionGrace).ifPresent(v -> overrides.put("suppression_grace", v));
        Optional.ofNullable(queryPort).ifPresent(v -> overrides.put("query.port", v));
        Optional.ofNullable(queryHost).ifPresent(v -> overrides.put("query.host", v));
        Optional.ofNullable(queryAdvertisedHost).ifPresent(v -> overrides.put("query.advertised_host", v));
        return overrides;
    }

    private int run(ProcessorConfig config) throws InterruptedException {
        RuleEngine rules;
        try {
            rules = RuleEngine.load(ruleDirs);
        } catch (RuleCompilationException e) {
            System.err.println("palisade processor: rules do not compile:\n" + e.getMessage());
            return RulesCommand.RULES_FAILED;
        }
        try (Admin admin = Admin.create(config.kafka().clientProperties())) {
            TopicCreator.ensure(admin, Topics.all());
        }
        Properties streamsProperties = config.streamsProperties();
        InventoryServer inventory = InventoryServer.bind(new InetSocketAddress(config.query().host(),
                config.query().port()));
        // Instances find each other's inventory endpoints through application.server.
        HostInfo self = new HostInfo(config.query().reachableHost(), inventory.port());
        streamsProperties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        ServiceMetrics metrics = ServiceMetrics.create("processor", PalisadeVersion.current());
        streamsProperties.put(DeadLetterOnProcessingError.METER_REGISTRY, metrics.registry());
        KafkaStreams streams = new KafkaStreams(SecurityTopology.build(config, rules, Clock.systemUTC(),
                metrics.registry()), streamsProperties);
        CountDownLatch stopped = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            LOG.atInfo().addKeyValue("from", before).addKeyValue("to", now).log("processor state changed");
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        try (metrics;
             KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
             OpsServer ops = OpsServer.start(opsOptions.opsAddress(9464),
                     () -> new OpsServer.Health(streams.state().isRunningOrRebalancing(),
                             "kafka-streams " + streams.state()), metrics.registry());
             inventory) {
            streamsMetrics.bindTo(metrics.registry());
            Runtime.getRuntime().addShutdownHook(new Thread(streams::close, "processor-stop"));
            streams.start();
            inventory.serve(streams, self);
            LOG.atInfo().addKeyValue("bootstrap_servers", config.kafka().bootstrapServers())
                    .addKeyValue("application_id", config.applicationId())
                    .addKeyValue("ops", "http://127.0.0.1:" + ops.port())
                    .addKeyValue("inventory", "http://" + self.host() + ":" + self.port() + "/inventory/containers")
                    .log("processor started");
            stopped.await();
        }
        return streams.state() == KafkaStreams.State.ERROR ? 1 : 0;
    }
}
