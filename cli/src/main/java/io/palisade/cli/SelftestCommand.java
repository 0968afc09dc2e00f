package io.palisade.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import io.palisade.cli.quickstart.CollectorPlan;
import io.palisade.cli.selftest.Actions;
import io.palisade.cli.selftest.ResultTable;
import io.palisade.cli.selftest.SelftestResult;
import io.palisade.cli.selftest.SelftestRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code palisade selftest}: performs real suspicious actions on this host and in throw-away containers, then checks
 * on palisade.alerts that the running pipeline raised the expected alert for each, attributed to the right container.
 */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = {"Check a running pipeline end to end: perform real suspicious actions in throw-away containers "
                + "on the local Docker Engine (DOCKER_HOST) and on this host, read palisade.alerts, and print for each "
                + "expected alert whether it was seen, with the right container, and how late.",
                "Against the quickstart: bin/palisade selftest --bootstrap-server <kafka.bootstrap_servers it "
                        + "printed> [--data-dir <its --data-dir>]. Host actions change files only below "
                        + "<data dir>/selftest, which the quickstart's collector watches.",
                "Exit status: 0 every expected alert seen and rightly attributed; 1 some missing or wrongly "
                        + "attributed; 2 could not start (Kafka, Docker Engine, image or watched directory)."})
final class SelftestCommand implements Callable<Integer> {

    static final int FAILED = 1;
    static final int CANNOT_START = 2;

    @Spec
    private CommandSpec spec;

    @Mixin
    private KafkaOptions kafkaOptions;

    @Option(names = "--image", defaultValue = "${env:PALISADE_TEST_IMAGE:-busybox}",
            description = "Image of the throw-away containers; needs busybox's sh, cat, rpm, wget, crontab, mount "
                    + "(env PALISADE_TEST_IMAGE; default ${DEFAULT-VALUE}; pulled when absent).")
    private String image;

    @Option(names = "--timeout", defaultValue = "90", paramLabel = "SECONDS",
            description = "How long to wait for the alerts after the last action (default ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Option(names = "--json", description = "Print one JSON object (run_id, passed, results[]) instead of the table.")
    private boolean json;

    @Option(names = "--data-dir", defaultValue = ".palisade/quickstart",
            description = "The quickstart's data directory: host actions run in its selftest directory (default "
                    + "${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--watched-dir", paramLabel = "DIR",
            description = "Run the host actions here instead: a directory the collector's file-integrity source "
                    + "watches (sources.file.paths), for a collector other than the quickstart's.")
    private Path watchedDir;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        String runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Path watched = watchedDir != null ? watchedDir : CollectorPlan.selftestDirectory(dataDir);
        SelftestRun run;
        try {
            run = SelftestRun.prepare(kafka(), image, watched, runId, Duration.ofSeconds(timeoutSeconds));
        } catch (RuntimeException e) {
            err.println("palisade selftest: cannot start: " + e.getMessage());
            return CANNOT_START;
        }
        SelftestResult result;
        // Ctrl-C: the hook removes the containers and files while this thread is still at work.
        Thread cleanUp = new Thread(run::close, "selftest-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try (run) {
            result = run.perform(Actions.all(), line -> {
                err.println(line);
                err.flush();
            });
        } finally {
            removeQuietly(cleanUp);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? ResultTable.json(result) + "\n" : ResultTable.text(result));
        out.flush();
        return result.passed() ? 0 : FAILED;
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run: it cleans up.
        }
    }

    /** Fails fast when no Kafka answers, rather than after the client's default minute. */
    private Map<String, Object> kafka() {
        Map<String, Object> properties = kafkaOptions.kafkaClientProperties();
        properties.putIfAbsent("default.api.timeout.ms", 15_000);
        return properties;
    }
}
