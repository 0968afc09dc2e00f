package io.palisade.sinks;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What one {@link SinkRunner} has done so far, as meters of the sinks process's registry, each tagged {@code sink}:
 * alerts written, retried, dead-lettered (by reason) and filtered out, batches, write latency, consumer lag, and
 * its {@link SinkState} (one series per phase, 1 for the current one, and when it began). Updated by the runner's
 * threads; {@link #snapshot()} and {@link #state()} are for {@code /health}, tests and benchmarks.
 */
public final class SinkMetrics {

    /** Why a record went to palisade.deadletter: the {@code reason} of the dead-letter counter. */
    enum DeadLetterReason {
        /** Not an alert this version can decode. */
        UNREADABLE,
        /** The destination refused it for good. */
        REJECTED
    }

    /** Buckets of the write latency histogram, from a bulk request's milliseconds to a slow destination's seconds. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final String sink;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Counter written;
    private final Counter retried;
    private final Counter filtered;
    private final Counter batches;
    private final Timer latency;
    private final AtomicLong lag = new AtomicLong();
    private final AtomicReference<SinkState> state;

    public SinkMetrics(String sink, Clock clock, MeterRegistry registry) {
        this.sink = sink;
        this.clock = clock;
        this.registry = registry;
        this.state = new AtomicReference<>(new SinkState(SinkState.Phase.STARTING, clock.instant(), ""));
        this.written = counter("palisade.sink.alerts.written", "Alerts the destination stored");
        this.retried = counter("palisade.sink.alerts.retried",
                "Alerts handed to the destination again after a retriable failure");
        this.filtered = counter("palisade.sink.alerts.filtered", "Alerts skipped by the sink's severity or tag filter");
        this.batches = counter("palisade.sink.batches", "Batches written and committed");
        this.latency = Timer.builder("palisade.sink.write.latency")
                .description("Time one write to the destination took, successful or not").tag("sink", sink)
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        Gauge.builder("palisade.sink.consumer.lag", lag, AtomicLong::get).tag("sink", sink).baseUnit("records")
                .description("Records of palisade.alerts this sink has not read yet").register(registry);
        for (SinkState.Phase phase : SinkState.Phase.values()) {
            Gauge.builder("palisade.sink.state", state, s -> s.get().phase() == phase ? 1 : 0).tag("sink", sink)
                    .tag("state", phase.name().toLowerCase(Locale.ROOT))
                    .description("1 for the sink's current state: starting, running, retrying or stopped")
                    .register(registry);
        }
        Gauge.builder("palisade.sink.state.since", state, s -> s.get().since().getEpochSecond()).tag("sink", sink)
                .baseUnit("seconds").description("When the sink entered its current state, in Unix seconds")
                .register(registry);
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).tag("sink", sink).register(registry);
    }

    void written(int alerts) {
        written.increment(alerts);
    }

    void retried(int alerts) {
        retried.increment(alerts);
    }

    void deadLettered(DeadLetterReason reason) {
        Counter.builder("palisade.sink.alerts.dead.lettered")
                .description("Records this sink sent to palisade.deadletter, by reason").tag("sink", sink)
                .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    void filtered() {
        filtered.increment();
    }

    void batchWritten() {
        batches.increment();
    }

    /** One call of the sink's write, successful or not. */
    void writeTook(Duration duration) {
        latency.record(duration);
    }

    void lag(long records) {
        lag.set(records);
    }

    void running() {
        state.updateAndGet(s -> s.phase() == SinkState.Phase.RUNNING ? s
                : new SinkState(SinkState.Phase.RUNNING, clock.instant(), ""));
    }

    /** Keeps the time of the first failure while the retries go on, so the state says for how long. */
    void retrying(String reason) {
        state.updateAndGet(s -> new SinkState(SinkState.Phase.RETRYING,
                s.phase() == SinkState.Phase.RETRYING ? s.since() : clock.instant(), reason));
    }

    void stopped(String reason) {
        state.set(new SinkState(SinkState.Phase.STOPPED, clock.instant(), reason));
    }

    public SinkState state() {
        return state.get();
    }

    public Snapshot snapshot() {
        double deadLettered = registry.find("palisade.sink.alerts.dead.lettered").tag("sink", sink).counters()
                .stream().mapToDouble(Counter::count).sum();
        return new Snapshot(sink, state.get(), (long) written.count(), (long) retried.count(), (long) deadLettered,
                (long) filtered.count(), (long) batches.count(), latency.count(),
                latency.totalTime(TimeUnit.NANOSECONDS) / 1e9, lag.get());
    }

    /**
     * The figures of one sink at one moment.
     *
     * @param sink                   the sink's name
     * @param state                  what it is doing
     * @param written                alerts the destination stored
     * @param retried                alerts handed to the destination again after a retriable failure
     * @param deadLettered           records sent to {@code palisade.deadletter} (unreadable or rejected for good)
     * @param filtered               alerts skipped by the severity or tag filter
     * @param batches                batches written and committed
     * @param latencyCount           writes timed
     * @param latencySumSeconds      their total time
     * @param lag                    records of {@code palisade.alerts} not yet read by this sink's consumer
     */
    public record Snapshot(String sink, SinkState state, long written, long retried, long deadLettered, long filtered,
                           long batches, long latencyCount, double latencySumSeconds, long lag) {
    }
}
