package io.palisade.cli;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.palisade.collector.agent.CollectorAgent;
import io.palisade.collector.agent.CollectorConfig;
import io.palisade.runtime.metrics.ServiceMetrics;
import io.palisade.runtime.ops.OpsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code palisade collector}: the host agent. Configuration comes from one YAML file ({@code --config}), then
 * {@code PALISADE_*} environment variables, then the flags below; {@code --dry-run} prints the result.
 */
@Command(name = "collector", mixinStandardHelpOptions = true,
        description = {"Run the host agent: publishes the host's security events to Kafka, spooling them on disk "
                + "while Kafka is unreachable.",
                "Settings: --config FILE (YAML), overridden by environment variables PALISADE_<SECTION>_<KEY> "
                        + "(e.g. PALISADE_KAFKA_BOOTSTRAP_SERVERS, PALISADE_SOURCES_FILE_ENABLED=false), overridden "
                        + "by the options below. See config/collector.example.yml."})
final class CollectorCommand implements Callable<Integer> {

    static final int CANNOT_START = 1;
    private static final Logger LOG = LoggerFactory.getLogger(CollectorCommand.class);

    @Spec
    private CommandSpec spec;

    @Mixin
    private KafkaOptions kafkaOptions;

    @Mixin
    private OpsOptions opsOptions;

    @Mixin
    private ConfigFileOptions configOptions;

    @Option(names = "--host-name", description = "Host name to report (host.name; default: the kernel's).")
    private String hostName;

    @Option(names = "--host-id", description = "Host id to report (host.id; default: /etc/machine-id).")
    private String hostId;

    @Option(names = "--container-source", negatable = true,
            description = "Follow the Docker Engine (sources.container.enabled; default: on).")
    private Boolean containerSource;

    @Option(names = "--container-resync", paramLabel = "DURATION",
            description = "Full container resync interval, e.g. 5m or PT5M (sources.container.resync; default 5m).")
    private String containerResync;

    @Override
    public Integer call() throws InterruptedException {
        return configOptions.bindThen("collector", CollectorConfig.binder(), flagOverrides(), CollectorCommand::run);
    }

    /** The options given on the command line, as configuration keys; options left out do not override anything. */
    private Map<String, String> flagOverrides() {
        Map<String, String> overrides = new HashMap<>(
                kafkaOptions.configOverrides(spec.commandLine().getParseResult()));
        if (spec.commandLine().getParseResult().hasMatchedOption("--ops-port")) {
            overrides.put("ops.port", String.valueOf(opsOptions.opsPort));
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--ops-host")) {
            overrides.put("ops.host", opsOptions.opsHost);
        }
        Optional.ofNullable(hostName).ifPresent(v -> overrides.put("host.name", v));
        Optional.ofNullable(hostId).ifPresent(v -> overrides.put("host.id", v));
        Optional.ofNullable(containerSource).ifPresent(v -> overrides.put("sources.container.enabled", v.toString()));
        Optional.ofNullable(containerResync).ifPresent(v -> overrides.put("sources.container.resync", v));
        return overrides;
    }

    private static int run(CollectorConfig config) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch flushed = new CountDownLatch(1);
        ServiceMetrics metrics = ServiceMetrics.create("collector", PalisadeVersion.current());
        CollectorAgent started;
        try {
            started = CollectorAgent.start(config, metrics.registry());
        } catch (UncheckedIOException e) {
            metrics.close();
            System.err.println("palisade collector: " + e.getMessage());
            return CANNOT_START;
        }
        try (metrics;
             CollectorAgent agent = started;
             OpsServer ops = OpsServer.start(new InetSocketAddress(config.ops().host(), config.ops().port()),
                     () -> new OpsServer.Health(true, "collector running; sources " + agent.sourceNames()
                             + "; spooled events " + agent.metrics().spoolRecords()), metrics.registry())) {
            // The JVM halts when its hooks return: wait for close() to flush what the sources already published.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopped.countDown();
                awaitQuietly(flushed);
            }, "collector-stop"));
            LOG.atInfo().addKeyValue("bootstrap_servers", config.kafka().bootstrapServers())
                    .addKeyValue("ops", "http://" + config.ops().host() + ":" + ops.port()).log("collector started");
            stopped.await();
        } finally {
            flushed.countDown();
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
