package io.palisade.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.palisade.cli.ops.OpsServer;
import io.palisade.collector.CollectorAgent;
import io.palisade.collector.CollectorConfig;
import io.palisade.collector.InvalidConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code palisade collector}: the host agent. So far it runs the container source (Docker Engine from
 * {@code DOCKER_HOST}); the process, file-integrity and stats sources are still to come (issue 3).
 */
@Command(name = "collector", mixinStandardHelpOptions = true,
        description = "Run the host agent: publishes container lifecycle and posture events from the local Docker "
                + "Engine (DOCKER_HOST) to Kafka. Process, file and stats sources are not implemented yet.")
final class CollectorCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(CollectorCommand.class);

    @Mixin
    private ServiceOptions service;

    @Option(names = "--host-name", defaultValue = "${env:PALISADE_HOST_NAME}",
            description = "Host name to report (env PALISADE_HOST_NAME; default: the kernel's).")
    private String hostName;

    @Option(names = "--host-id", defaultValue = "${env:PALISADE_HOST_ID}",
            description = "Host id to report (env PALISADE_HOST_ID; default: /etc/machine-id).")
    private String hostId;

    @Option(names = "--no-container-source", negatable = true, defaultValue = "true",
            description = "Follow the Docker Engine (default: on).")
    private boolean containerSource;

    @Option(names = "--container-resync", defaultValue = "PT5M",
            description = "Full container resync interval, ISO-8601 (default ${DEFAULT-VALUE}).")
    private Duration containerResync;

    @Override
    public Integer call() throws InterruptedException {
        CollectorConfig config;
        try {
            config = new CollectorConfig(service.bootstrapServers, hostName, hostId, containerSource, containerResync,
                    CollectorConfig.DEFAULT_PUBLISH_MAX_BLOCK);
        } catch (InvalidConfigException e) {
            System.err.println("palisade collector: invalid configuration:");
            e.problems().forEach(problem -> System.err.println("  - " + problem));
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch flushed = new CountDownLatch(1);
        try (CollectorAgent agent = CollectorAgent.start(config);
             OpsServer ops = OpsServer.start(service.opsAddress(9466),
                     () -> new OpsServer.Health(true, "collector running"),
                     () -> "palisade_collector_dropped_events_total " + agent.droppedEvents() + "\n")) {
            // The JVM halts when its hooks return: wait for close() to flush what the sources already published.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopped.countDown();
                awaitQuietly(flushed);
            }, "collector-stop"));
            LOG.atInfo().addKeyValue("bootstrap_servers", service.bootstrapServers)
                    .addKeyValue("ops", "http://127.0.0.1:" + ops.port()).log("collector started");
            stopped.await();
        } finally {
            flushed.countDown();
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(15, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
