package io.palisade.cli.quickstart;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * How many records the processor's stream threads have processed, from Kafka Streams' own
 * {@code stream-thread-metrics process-total}; the rate is the difference between two calls.
 */
final class ProcessedEvents {

    private final KafkaStreams streams;
    private long lastTotal;
    private long lastNanos = System.nanoTime();

    ProcessedEvents(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Records processed so far. */
    long total() {
        long total = 0;
        for (var entry : streams.metrics().entrySet()) {
            MetricName name = entry.getKey();
            if (name.group().equals("stream-thread-metrics") && name.name().equals("process-total")) {
                total += ((Number) ((Metric) entry.getValue()).metricValue()).longValue();
            }
        }
        return total;
    }

    /** Records per second since the previous call. */
    double ratePerSecond(long total) {
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        double rate = Math.max(0, total - lastTotal) / seconds;
        lastTotal = total;
        lastNanos = now;
        return rate;
    }
}
