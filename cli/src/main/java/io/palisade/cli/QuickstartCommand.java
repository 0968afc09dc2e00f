package io.palisade.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.palisade.cli.alerts.AlertSelection;
import io.palisade.cli.alerts.AlertsTail;
import io.palisade.cli.quickstart.HeadlessView;
import io.palisade.cli.quickstart.QuickstartPipeline;
import io.palisade.cli.quickstart.QuickstartView;
import io.palisade.cli.quickstart.QuietLogs;
import io.palisade.cli.quickstart.StatusTicker;
import io.palisade.cli.quickstart.StopSignals;
import io.palisade.cli.quickstart.TerminalView;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code palisade quickstart}: the whole pipeline on this host in one command, alerts shown live. See
 * {@link QuickstartPipeline} for what runs; the alerts are read from palisade.alerts like {@code alerts tail} does.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = {"Run everything on this host: a local Kafka, Elasticsearch and S3Proxy, the processor, the "
                + "sinks (Elasticsearch, S3 archive) and a collector, and show the alerts live until Ctrl-C.",
                "Try: docker run --rm --privileged busybox true  (rule PAL-CNT-001)."})
final class QuickstartCommand implements Callable<Integer> {

    static final int CANNOT_START = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = "--headless", description = "For scripts: no colours or status line; the endpoints as key=value "
            + "lines, then one JSON object per alert on standard output. Stops on SIGTERM.")
    private boolean headless;

    @Option(names = "--data-dir", defaultValue = ".palisade/quickstart",
            description = "Logs, processor state, collector spool and file-integrity baseline (default "
                    + "${DEFAULT-VALUE}).")
    private Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        long startNanos = System.nanoTime();
        QuickstartView view = headless
                ? new HeadlessView(spec.commandLine().getOut(), spec.commandLine().getErr())
                : new TerminalView(spec.commandLine().getOut(), System.console() != null);
        if (!headless) {
            QuietLogs.toFile(dataDir.resolve("logs/palisade.log"));
        }
        try (StopSignals stopSignals = StopSignals.install()) {
            return run(view, stopSignals, startNanos);
        }
    }

    private int run(QuickstartView view, StopSignals stopSignals, long startNanos) throws InterruptedException {
        QuickstartPipeline pipeline;
        try {
            pipeline = QuickstartPipeline.start(dataDir, view);
        } catch (RuntimeException e) {
            view.stopped("palisade quickstart: cannot start: " + e.getMessage());
            return CANNOT_START;
        }
        AtomicLong alertsShown = new AtomicLong();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("quickstart-status").daemon().factory());
        Thread viewer = null;
        AlertsTail tail = null;
        boolean interrupted = false;
        try {
            tail = new AlertsTail(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                    pipeline.endpoints().bootstrapServers()), true);
            AlertsTail alerts = tail;
            viewer = Thread.ofPlatform().name("quickstart-alerts").start(() -> alerts.run(AlertSelection.all(),
                    (alert, update) -> {
                        alertsShown.incrementAndGet();
                        view.alert(alert, update);
                    }));
            view.started(pipeline.endpoints(), pipeline.notes());
            StatusTicker status = new StatusTicker(pipeline, alertsShown::get);
            view.progress(String.format(Locale.ROOT, "Ready %.1f s after the start.",
                    Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0));
            view.status(status.next());
            ticker.scheduleAtFixedRate(() -> view.status(status.next()), 1, 1, TimeUnit.SECONDS);
            stopSignals.await();
        } catch (InterruptedException e) {
            // Interrupted (e.g. by an embedding test): stop as on Ctrl-C, then keep the interrupt for the caller.
            interrupted = true;
        } finally {
            ticker.shutdownNow();
            if (tail != null) {
                tail.close();
            }
            if (viewer != null) {
                viewer.join(Duration.ofSeconds(10).toMillis());
            }
            pipeline.close();
        }
        view.stopped("Palisade stopped: collector, sinks, processor, Kafka, Elasticsearch and S3Proxy ("
                + alertsShown.get() + " alerts shown; data kept in " + dataDir.toAbsolutePath() + ").");
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
