package io.palisade.cli.quickstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.palisade.collector.agent.CollectorAgent;
import io.palisade.devstack.DevStack;
import io.palisade.devstack.S3Server;
import io.palisade.processor.ProcessorConfig;
import io.palisade.processor.SecurityTopology;
import io.palisade.rules.RuleEngine;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import io.palisade.sinks.ConfiguredSink;
import io.palisade.sinks.SinkSettings;
import io.palisade.sinks.SinksApp;
import io.palisade.sinks.elasticsearch.ElasticsearchAlertSink;
import io.palisade.sinks.s3.S3ArchiveSettings;
import io.palisade.sinks.s3.S3ArchiveSink;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline on one host, in one process: the dev stack (real Kafka, Elasticsearch, S3Proxy as child JVMs),
 * every topic, the processor (one Kafka Streams instance), the sinks (Elasticsearch and the S3 archive) and a
 * collector. Reads and writes every {@code palisade.*} topic through those parts. {@link #close()} stops them in the
 * order that loses nothing: collector, sinks, processor, stack.
 */
public final class QuickstartPipeline implements AutoCloseable {

    public static final String BUCKET = "palisade-alerts";
    private static final Logger LOG = LoggerFactory.getLogger(QuickstartPipeline.class);
    private static final Duration STREAMS_CLOSE = Duration.ofSeconds(30);

    private final DevStack stack;
    /** The quickstart serves no /metrics; the collector and the sinks still count into something. */
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private KafkaStreams processor;
    private SinksApp sinks;
    private CollectorAgent collector;
    private Endpoints endpoints;
    private List<String> notes = List.of();

    private QuickstartPipeline(DevStack stack) {
        this.stack = stack;
    }

    /**
     * Starts everything; on failure stops what already started and rethrows.
     *
     * @param dataDir logs, the processor's state, the collector's spool and file-integrity baseline go here
     * @param view    told about progress
     */
    public static QuickstartPipeline start(Path dataDir, QuickstartView view) {
        QuickstartPipeline pipeline = new QuickstartPipeline(DevStack.inTemporaryDirectory(dataDir.resolve("logs")));
        try {
            pipeline.startAll(dataDir, view);
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    private void startAll(Path dataDir, QuickstartView view) {
        view.progress("Starting Kafka, Elasticsearch and S3Proxy in parallel (logs in " + dataDir.resolve("logs")
                + ") ...");
        stack.start();
        view.progress(String.format(Locale.ROOT, "Dev stack ready in %.1f s; creating topics, starting the "
                + "processor, the sinks and the collector ...", stack.startupTime().toMillis() / 1000.0));
        String bootstrap = stack.kafka().bootstrapServers();
        Map<String, Object> kafka = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(kafka)) {
            TopicCreator.ensure(admin, Topics.all());
        }
        processor = startProcessor(bootstrap, dataDir.resolve("processor-state"));
        S3Server s3 = stack.s3();
        sinks = SinksApp.start(kafka, List.of(
                new ConfiguredSink(SinkSettings.defaults("elasticsearch"),
                        ElasticsearchAlertSink.connect(stack.elasticsearch().httpUrl())),
                new ConfiguredSink(SinkSettings.defaults("s3"), S3ArchiveSink.connect(new S3ArchiveSettings(
                        s3.endpoint(), s3.region(), BUCKET, null, true, s3.accessKey(), s3.secretKey())))),
                meters);
        CollectorPlan plan = CollectorPlan.forHost(bootstrap, dataDir, DockerProbe.unavailable(), isRoot());
        collector = CollectorAgent.start(plan.config(), meters);
        notes = plan.notes();
        endpoints = new Endpoints(bootstrap, stack.elasticsearch().httpUrl(), s3.endpoint(), BUCKET, s3.region(),
                s3.accessKey(), s3.secretKey(), dataDir.toAbsolutePath().toString());
        LOG.atInfo().addKeyValue("bootstrap_servers", bootstrap).addKeyValue("sources", collector.sourceNames())
                .log("quickstart pipeline started");
    }

    private static KafkaStreams startProcessor(String bootstrap, Path stateDir) {
        ProcessorConfig config = ProcessorConfig.defaults()
                .withKafka(bootstrap, "palisade-quickstart", stateDir, 1).validated();
        Properties properties = config.streamsProperties();
        KafkaStreams streams = new KafkaStreams(SecurityTopology.build(config, RuleEngine.load(List.of()),
                Clock.systemUTC()), properties);
        streams.start();
        return streams;
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** What is off or limited on this host, and why. */
    public List<String> notes() {
        return notes;
    }

    public KafkaStreams processor() {
        return processor;
    }

    /** Each sink's state: "running", or "stopped" with the first error once any sink stopped. */
    public Map<String, String> sinkStates() {
        Map<String, String> states = new LinkedHashMap<>();
        List<RuntimeException> failures = sinks.failures();
        if (failures.isEmpty()) {
            states.put("elasticsearch", "running");
            states.put("s3", "running");
        } else {
            states.put("sinks", failures.size() + " stopped (" + failures.getFirst().getMessage() + "; see log)");
        }
        return states;
    }

    /** Stops collector, sinks, processor, stack, in that order; each step runs even when an earlier one failed. */
    @Override
    public void close() {
        if (collector != null) {
            collector.close();
        }
        if (sinks != null) {
            try {
                sinks.close();
            } catch (IOException | RuntimeException e) {
                LOG.atWarn().setCause(e).log("sinks did not close cleanly");
            }
        }
        if (processor != null) {
            processor.close(STREAMS_CLOSE);
        }
        stack.close();
    }
}
