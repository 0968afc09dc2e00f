package io.palisade.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.palisade.processor.DeadLetterOnProcessingError;
import io.palisade.processor.ProcessorConfig;
import io.palisade.processor.SecurityTopology;
import io.palisade.rules.RuleCompilationException;
import io.palisade.rules.RuleEngine;
import io.palisade.processor.StreamsSettings;
import io.palisade.processor.inventory.InventoryServer;
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
import picocli.CommandLine.Option;

/**
 * {@code palisade processor}: runs the Kafka Streams application. Start more instances with the same
 * {@code --application-id} to scale out; Kafka spreads the partitions over them.
 */
@Command(name = "processor", mixinStandardHelpOptions = true,
        description = "Run the stream processor (Kafka Streams, exactly-once). Scale out by starting more instances "
                + "with the same application id.")
final class ProcessorCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorCommand.class);

    /** Exit status when the configuration is unusable (picocli's own usage errors are 2). */
    static final int CONFIG_INVALID = 2;

    @Mixin
    private KafkaOptions kafkaOptions;

    @Mixin
    private OpsOptions opsOptions;

    @Option(names = "--application-id", defaultValue = StreamsSettings.DEFAULT_APPLICATION_ID,
            description = "Kafka Streams application id shared by all instances (default ${DEFAULT-VALUE}).")
    private String applicationId;

    @Option(names = "--state-dir", defaultValue = "${env:PALISADE_STATE_DIR:-.palisade/processor-state}",
            description = "Local state store directory (env PALISADE_STATE_DIR; default ${DEFAULT-VALUE}).")
    private Path stateDir;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Directory of extra rules and allow-lists (repeatable); a broken rule stops the start.")
    private List<Path> ruleDirs = new ArrayList<>();

    @Option(names = "--threads", defaultValue = "${env:PALISADE_PROCESSOR_THREADS:-1}",
            description = "Stream threads (env PALISADE_PROCESSOR_THREADS; default ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--enrichment-max-wait", defaultValue = "${env:PALISADE_ENRICHMENT_MAX_WAIT:-PT30S}",
            description = "How long an event of a container not yet in the inventory waits for it before it is "
                    + "evaluated without it, ISO-8601 (env PALISADE_ENRICHMENT_MAX_WAIT; default ${DEFAULT-VALUE}).")
    private Duration enrichmentMaxWait;

    @Option(names = "--suppression-emit-interval", defaultValue = "${env:PALISADE_SUPPRESSION_EMIT_INTERVAL:-PT10S}",
            description = "At most one updated record per alert id per interval while repeats come in, ISO-8601 "
                    + "(env PALISADE_SUPPRESSION_EMIT_INTERVAL; default ${DEFAULT-VALUE}).")
    private Duration suppressionEmitInterval;

    @Option(names = "--suppression-grace", defaultValue = "${env:PALISADE_SUPPRESSION_GRACE:-PT1M}",
            description = "Event time after an alert window ends during which late repeats still count, ISO-8601 "
                    + "(env PALISADE_SUPPRESSION_GRACE; default ${DEFAULT-VALUE}).")
    private Duration suppressionGrace;

    @Option(names = "--query-port", defaultValue = "${env:PALISADE_QUERY_PORT:-9470}",
            description = "Port of the fleet inventory endpoint /inventory/... (env PALISADE_QUERY_PORT; default "
                    + "${DEFAULT-VALUE}).")
    private int queryPort;

    @Option(names = "--query-host", defaultValue = "${env:PALISADE_QUERY_HOST:-127.0.0.1}",
            description = "Address the inventory endpoint listens on (env PALISADE_QUERY_HOST; default "
                    + "${DEFAULT-VALUE}; 0.0.0.0 when other instances or users reach it over the network).")
    private String queryHost;

    @Option(names = "--query-advertised-host", defaultValue = "${env:PALISADE_QUERY_ADVERTISED_HOST}",
            description = "Host name other processor instances reach this one's inventory endpoint at; becomes "
                    + "application.server with the query port (env PALISADE_QUERY_ADVERTISED_HOST; default: the "
                    + "--query-host, or this machine's host name when that is 0.0.0.0).")
    private String queryAdvertisedHost;

    @Override
    public Integer call() throws InterruptedException {
        ProcessorConfig defaults = ProcessorConfig.defaults();
        ProcessorConfig config = defaults.withKafka(kafkaOptions.bootstrapServers, applicationId, stateDir, threads)
                .withEnrichment(enrichmentMaxWait, defaults.enrichmentRetryInterval())
                .withSuppression(suppressionEmitInterval, suppressionGrace);
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            System.err.println("palisade processor: invalid configuration:\n  - " + String.join("\n  - ", problems));
            return CONFIG_INVALID;
        }
        RuleEngine rules;
        try {
            rules = RuleEngine.load(ruleDirs);
        } catch (RuleCompilationException e) {
            System.err.println("palisade processor: rules do not compile:\n" + e.getMessage());
            return RulesCommand.RULES_FAILED;
        }
        try (Admin admin = Admin.create(kafkaOptions.kafkaClientProperties())) {
            TopicCreator.ensure(admin, Topics.all());
        }
        Properties streamsProperties = config.streamsProperties();
        streamsProperties.putAll(kafkaOptions.kafkaClientProperties());
        InventoryServer inventory = InventoryServer.bind(new InetSocketAddress(queryHost, queryPort));
        // Instances find each other's inventory endpoints through application.server.
        HostInfo self = new HostInfo(advertisedHost(), inventory.port());
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
            LOG.atInfo().addKeyValue("bootstrap_servers", kafkaOptions.bootstrapServers)
                    .addKeyValue("application_id", applicationId)
                    .addKeyValue("ops", "http://127.0.0.1:" + ops.port())
                    .addKeyValue("inventory", "http://" + self.host() + ":" + self.port() + "/inventory/containers")
                    .log("processor started");
            stopped.await();
        }
        return streams.state() == KafkaStreams.State.ERROR ? 1 : 0;
    }

    /** A wildcard listen address is no address to reach: then this machine's name is advertised. */
    private String advertisedHost() {
        if (queryAdvertisedHost != null && !queryAdvertisedHost.isBlank()) {
            return queryAdvertisedHost;
        }
        if (!queryHost.equals("0.0.0.0") && !queryHost.equals("::")) {
            return queryHost;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("cannot tell this machine's host name; set --query-advertised-host", e);
        }
    }
}
