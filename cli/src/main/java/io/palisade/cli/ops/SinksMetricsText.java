package io.palisade.cli.ops;

import java.util.List;
import java.util.function.ToLongFunction;

import io.palisade.sinks.SinkMetrics;
import io.palisade.sinks.SinkState;

/**
 * Renders the sinks process's per-sink figures as Prometheus text, every series labelled {@code sink}: alerts
 * written, retried, dead-lettered and filtered out, batches, write latency as a histogram, consumer lag on
 * {@code palisade.alerts}, and the state (one series per phase, 1 for the current one) with the time it began.
 */
public final class SinksMetricsText {

    private static final String PREFIX = "palisade_sink_";

    private SinksMetricsText() {
    }

    public static String render(List<SinkMetrics.Snapshot> sinks) {
        StringBuilder text = new StringBuilder();
        counter(text, sinks, "alerts_written_total", "Alerts the destination stored", SinkMetrics.Snapshot::written);
        counter(text, sinks, "alerts_retried_total", "Alerts handed to the destination again after a retriable failure",
                SinkMetrics.Snapshot::retried);
        counter(text, sinks, "alerts_dead_lettered_total",
                "Records sent to palisade.deadletter: unreadable, or rejected by the destination for good",
                SinkMetrics.Snapshot::deadLettered);
        counter(text, sinks, "alerts_filtered_total", "Alerts skipped by the sink's severity or tag filter",
                SinkMetrics.Snapshot::filtered);
        counter(text, sinks, "batches_total", "Batches written and committed", SinkMetrics.Snapshot::batches);
        gauge(text, sinks, "consumer_lag_records", "Records of palisade.alerts this sink has not read yet",
                SinkMetrics.Snapshot::lag);
        histogram(text, sinks);
        state(text, sinks);
        return text.toString();
    }

    private static void counter(StringBuilder text, List<SinkMetrics.Snapshot> sinks, String name, String help,
                                ToLongFunction<SinkMetrics.Snapshot> value) {
        series(text, sinks, name, help, "counter", value);
    }

    private static void gauge(StringBuilder text, List<SinkMetrics.Snapshot> sinks, String name, String help,
                              ToLongFunction<SinkMetrics.Snapshot> value) {
        series(text, sinks, name, help, "gauge", value);
    }

    private static void series(StringBuilder text, List<SinkMetrics.Snapshot> sinks, String name, String help,
                               String type, ToLongFunction<SinkMetrics.Snapshot> value) {
        header(text, name, help, type);
        for (SinkMetrics.Snapshot sink : sinks) {
            text.append(PREFIX).append(name).append("{sink=\"").append(sink.sink()).append("\"} ")
                    .append(value.applyAsLong(sink)).append('\n');
        }
    }

    private static void histogram(StringBuilder text, List<SinkMetrics.Snapshot> sinks) {
        String name = "write_latency_seconds";
        header(text, name, "Time one write to the destination took, successful or not", "histogram");
        List<Double> bounds = SinkMetrics.LATENCY_BOUNDS;
        for (SinkMetrics.Snapshot sink : sinks) {
            String label = "sink=\"" + sink.sink() + "\"";
            for (int i = 0; i < bounds.size(); i++) {
                text.append(PREFIX).append(name).append("_bucket{").append(label).append(",le=\"")
                        .append(bounds.get(i)).append("\"} ").append(sink.latencyCumulative().get(i)).append('\n');
            }
            text.append(PREFIX).append(name).append("_bucket{").append(label).append(",le=\"+Inf\"} ")
                    .append(sink.latencyCount()).append('\n');
            text.append(PREFIX).append(name).append("_sum{").append(label).append("} ")
                    .append(sink.latencySumSeconds()).append('\n');
            text.append(PREFIX).append(name).append("_count{").append(label).append("} ")
                    .append(sink.latencyCount()).append('\n');
        }
    }

    private static void state(StringBuilder text, List<SinkMetrics.Snapshot> sinks) {
        header(text, "state", "1 for the sink's current state: starting, running, retrying or stopped", "gauge");
        for (SinkMetrics.Snapshot sink : sinks) {
            for (SinkState.Phase phase : SinkState.Phase.values()) {
                text.append(PREFIX).append("state{sink=\"").append(sink.sink()).append("\",state=\"")
                        .append(phase.name().toLowerCase(java.util.Locale.ROOT)).append("\"} ")
                        .append(sink.state().phase() == phase ? 1 : 0).append('\n');
            }
        }
        header(text, "state_since_seconds", "When the sink entered its current state, in Unix seconds", "gauge");
        for (SinkMetrics.Snapshot sink : sinks) {
            text.append(PREFIX).append("state_since_seconds{sink=\"").append(sink.sink()).append("\"} ")
                    .append(sink.state().since().getEpochSecond()).append('\n');
        }
    }

    private static void header(StringBuilder text, String name, String help, String type) {
        text.append("# HELP ").append(PREFIX).append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(PREFIX).append(name).append(' ').append(type).append('\n');
    }
}
