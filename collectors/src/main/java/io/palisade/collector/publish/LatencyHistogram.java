package io.palisade.collector.publish;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Publish latency, from the send to Kafka's acknowledgement, in fixed buckets (Prometheus histogram shape: each
 * bucket counts observations at or below its bound).
 */
public final class LatencyHistogram {

    /** Upper bounds in seconds; the last bucket, +Inf, is the count. */
    public static final List<Double> BOUNDS = List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            30.0, 60.0, 120.0);

    private final AtomicLongArray buckets = new AtomicLongArray(BOUNDS.size());
    private final LongAdder count = new LongAdder();
    private final LongAdder sumMicros = new LongAdder();

    /** A consistent-enough copy for rendering: cumulative bucket counts, count and sum in seconds. */
    public record Snapshot(List<Long> cumulativeCounts, long count, double sumSeconds) {
    }

    public void observe(Duration latency) {
        double seconds = latency.toNanos() / 1e9;
        for (int i = 0; i < BOUNDS.size(); i++) {
            if (seconds <= BOUNDS.get(i)) {
                buckets.incrementAndGet(i);
                break;
            }
        }
        count.increment();
        sumMicros.add(latency.toNanos() / 1000);
    }

    public Snapshot snapshot() {
        Long[] cumulative = new Long[BOUNDS.size()];
        long running = 0;
        for (int i = 0; i < cumulative.length; i++) {
            running += buckets.get(i);
            cumulative[i] = running;
        }
        return new Snapshot(List.of(cumulative), count.sum(), sumMicros.sum() / 1e6);
    }
}
