package io.palisade.cli.ops;

import java.util.List;
import java.util.Locale;
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
        PrometheusText text = new PrometheusText(PREFIX);
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

    private static void counter(PrometheusText text, List<SinkMetrics.Snapshot> sinks, String name, String help,
                                ToLongFunction<SinkMetrics.Snapshot> value) {
        series(text, sinks, name, help, "counter", value);
    }

    private static void gauge(PrometheusText text, List<SinkMetrics.Snapshot> sinks, String name, String help,
                              ToLongFunction<SinkMetrics.Snapshot> value) {
        series(text, sinks, name, help, "gauge", value);
    }

    private static void series(PrometheusText text, List<SinkMetrics.Snapshot> sinks, String name, String help,
                               String type, ToLongFunction<SinkMetrics.Snapshot> value) {
        text.header(name, help, type);
        for (SinkMetrics.Snapshot sink : sinks) {
            text.sample(name, label(sink), value.applyAsLong(sink));
        }
    }

    private static void histogram(PrometheusText text, List<SinkMetrics.Snapshot> sinks) {
        String name = "write_latency_seconds";
        text.header(name, "Time one write to the destination took, successful or not", "histogram");
        for (SinkMetrics.Snapshot sink : sinks) {
            text.histogram(name, label(sink), SinkMetrics.LATENCY_BOUNDS, sink.latencyCumulative(),
                    sink.latencyCount(), sink.latencySumSeconds());
        }
    }

    private static void state(PrometheusText text, List<SinkMetrics.Snapshot> sinks) {
        text.header("state", "1 for the sink's current state: starting, running, retrying or stopped", "gauge");
        for (SinkMetrics.Snapshot sink : sinks) {
            for (SinkState.Phase phase : SinkState.Phase.values()) {
                text.sample("state", label(sink) + ",state=\"" + phase.name().toLowerCase(Locale.ROOT) + "\"",
                        sink.state().phase() == phase ? 1 : 0);
            }
        }
        text.header("state_since_seconds", "When the sink entered its current state, in Unix seconds", "gauge");
        for (SinkMetrics.Snapshot sink : sinks) {
            text.sample("state_since_seconds", label(sink), sink.state().since().getEpochSecond());
        }
    }

    private static String label(SinkMetrics.Snapshot sink) {
        return "sink=\"" + sink.sink() + "\"";
    }
}
