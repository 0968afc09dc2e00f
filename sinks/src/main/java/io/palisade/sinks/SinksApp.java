package io.palisade.sinks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sinks process: one {@link SinkRunner} per configured sink, each on its own thread and in its own consumer
 * group, so a slow or failed sink never holds up another. Reads {@code palisade.alerts}, writes
 * {@code palisade.deadletter} (through its runners).
 *
 * <p>A sink that fails permanently stops alone, logged and listed by {@link #failures()}; the others go on.
 * {@link #metrics()} tells what each sink did so far and its state, for {@code /metrics} and {@code /health}.
 */
public final class SinksApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SinksApp.class);

    private final List<ConfiguredSink> sinks;
    private final List<SinkRunner> runners = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<RuntimeException> failures = new CopyOnWriteArrayList<>();

    private SinksApp(List<ConfiguredSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    /**
     * Starts every sink.
     *
     * @param kafkaProperties Kafka client settings shared by all sinks, at least {@code bootstrap.servers}
     * @param sinks           the sinks, with distinct names; the app owns them and closes them in {@link #close()}
     * @param registry        where every sink counts what it does, tagged with its name
     * @throws IllegalArgumentException when there are no sinks or two share a name (they would share a group)
     */
    public static SinksApp start(Map<String, Object> kafkaProperties, List<ConfiguredSink> sinks,
                                 MeterRegistry registry) {
        requireDistinctNames(sinks);
        SinksApp app = new SinksApp(sinks);
        for (ConfiguredSink configured : sinks) {
            SinkRunner runner = new SinkRunner(kafkaProperties, configured.settings(), configured.sink(),
                    registry);
            app.runners.add(runner);
            app.threads.add(Thread.ofPlatform().name(configured.settings().consumerGroup())
                    .start(() -> app.run(configured.settings().name(), runner)));
        }
        return app;
    }

    private static void requireDistinctNames(List<ConfiguredSink> sinks) {
        if (sinks.isEmpty()) {
            throw new IllegalArgumentException("no sink configured");
        }
        Set<String> names = new HashSet<>();
        for (ConfiguredSink sink : sinks) {
            if (!names.add(sink.settings().name())) {
                throw new IllegalArgumentException("two sinks are named " + sink.settings().name());
            }
        }
    }

    private void run(String name, SinkRunner runner) {
        try {
            runner.run();
        } catch (RuntimeException e) {
            failures.add(e);
            log.atError().addKeyValue("sink", name).setCause(e).log("sink failed and stopped; the other sinks go on");
        }
    }

    /** Blocks until every sink has stopped: after {@link #close()}, or when all failed. */
    public void awaitStopped() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Each sink's figures and state, in configuration order. */
    public List<SinkMetrics.Snapshot> metrics() {
        return runners.stream().map(runner -> runner.metrics().snapshot()).toList();
    }

    /** The errors that stopped sinks so far, typically {@link SinkFailedException}s. */
    public List<RuntimeException> failures() {
        return List.copyOf(failures);
    }

    /**
     * Stops every sink (uncommitted alerts are read again at the next start) and closes them.
     *
     * @throws IOException when a sink could not be closed; the others are closed all the same
     */
    @Override
    public void close() throws IOException {
        // SinkRunner.close() returns once its loop ended, so no sink is closed while its runner still writes.
        runners.forEach(SinkRunner::close);
        IOException failed = null;
        for (ConfiguredSink configured : sinks) {
            try {
                configured.sink().close();
            } catch (IOException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
