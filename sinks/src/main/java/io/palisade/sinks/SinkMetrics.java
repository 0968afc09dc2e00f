package io.palisade.sinks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one {@link SinkRunner} has done so far: alerts written, retried, dead-lettered and filtered out, batches,
 * write latency, consumer lag and its {@link SinkState}. Updated by the runner's thread, read by the ops endpoint's
 * through {@link #snapshot()}.
 */
public final class SinkMetrics {

    /** Upper bounds, in seconds, of the write latency histogram's buckets. */
    public static final List<Double> LATENCY_BOUNDS = List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
            5.0, 10.0, 30.0);

    private final String sink;
    private final Clock clock;
    private final LongAdder written = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder filtered = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final AtomicLongArray latencyBuckets = new AtomicLongArray(LATENCY_BOUNDS.size());
    private final LongAdder latencyCount = new LongAdder();
    private final AtomicLong latencyNanos = new AtomicLong();
    private final AtomicLong lag = new AtomicLong();
    private final AtomicReference<SinkState> state;

    public SinkMetrics(String sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
        this.state = new AtomicReference<>(new SinkState(SinkState.Phase.STARTING, clock.instant(), ""));
    }

    void written(int alerts) {
        written.add(alerts);
    }

    void retried(int alerts) {
        retried.add(alerts);
    }

    void deadLettered() {
        deadLettered.increment();
    }

    void filtered() {
        filtered.increment();
    }

    void batchWritten() {
        batches.increment();
    }

    /** One call of the sink's write, successful or not. */
    void writeTook(Duration duration) {
        double seconds = duration.toNanos() / 1e9;
        for (int i = 0; i < LATENCY_BOUNDS.size(); i++) {
            if (seconds <= LATENCY_BOUNDS.get(i)) {
                latencyBuckets.incrementAndGet(i);
                break;
            }
        }
        latencyCount.increment();
        latencyNanos.addAndGet(duration.toNanos());
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
        long[] cumulative = new long[LATENCY_BOUNDS.size()];
        long sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += latencyBuckets.get(i);
            cumulative[i] = sum;
        }
        return new Snapshot(sink, state.get(), written.sum(), retried.sum(), deadLettered.sum(), filtered.sum(),
                batches.sum(), List.of(java.util.Arrays.stream(cumulative).boxed().toArray(Long[]::new)),
                latencyCount.sum(), latencyNanos.get() / 1e9, lag.get());
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
     * @param latencyCumulative      writes that took at most each of {@link #LATENCY_BOUNDS}, cumulative
     * @param latencyCount           writes timed
     * @param latencySumSeconds      their total time
     * @param lag                    records of {@code palisade.alerts} not yet read by this sink's consumer
     */
    public record Snapshot(String sink, SinkState state, long written, long retried, long deadLettered, long filtered,
                           long batches, List<Long> latencyCumulative, long latencyCount, double latencySumSeconds,
                           long lag) {
    }
}
