package io.palisade.cli.ops;

import java.util.List;
import java.util.Map;

import io.palisade.collector.publish.LatencyHistogram;
import io.palisade.collector.publish.PublisherMetrics;

/**
 * Renders the collector's publisher metrics as Prometheus text: events published, spooled and dropped per topic,
 * publish latency (send to acknowledgement) as a histogram, spool depth, and source errors per source.
 */
public final class CollectorMetricsText {

    private static final String PREFIX = "palisade_collector_";

    private CollectorMetricsText() {
    }

    public static String render(PublisherMetrics metrics) {
        StringBuilder text = new StringBuilder();
        counter(text, "events_published_total", "Events Kafka acknowledged", "topic", metrics.publishedByTopic());
        counter(text, "events_spooled_total", "Events written to the disk spool while Kafka could not take them",
                "topic", metrics.spooledByTopic());
        counter(text, "events_dropped_total", "Events given up on (spool full or unwritable, rejected by Kafka)",
                "topic", metrics.droppedByTopic());
        counter(text, "source_errors_total", "Errors reported by sources", "source", metrics.sourceErrorsBySource());
        gauge(text, "spool_records", "Events waiting in the disk spool", metrics.spoolRecords());
        gauge(text, "spool_bytes", "Bytes of events waiting in the disk spool", metrics.spoolBytes());
        histogram(text, metrics.latency());
        return text.toString();
    }

    private static void counter(StringBuilder text, String name, String help, String label, Map<String, Long> values) {
        header(text, name, help, "counter");
        values.forEach((value, count) -> text.append(PREFIX).append(name).append('{').append(label).append("=\"")
                .append(value).append("\"} ").append(count).append('\n'));
    }

    private static void gauge(StringBuilder text, String name, String help, long value) {
        header(text, name, help, "gauge");
        text.append(PREFIX).append(name).append(' ').append(value).append('\n');
    }

    private static void histogram(StringBuilder text, LatencyHistogram.Snapshot latency) {
        String name = "publish_latency_seconds";
        header(text, name, "Time from send to Kafka's acknowledgement", "histogram");
        List<Double> bounds = LatencyHistogram.BOUNDS;
        for (int i = 0; i < bounds.size(); i++) {
            text.append(PREFIX).append(name).append("_bucket{le=\"").append(bounds.get(i)).append("\"} ")
                    .append(latency.cumulativeCounts().get(i)).append('\n');
        }
        text.append(PREFIX).append(name).append("_bucket{le=\"+Inf\"} ").append(latency.count()).append('\n');
        text.append(PREFIX).append(name).append("_sum ").append(latency.sumSeconds()).append('\n');
        text.append(PREFIX).append(name).append("_count ").append(latency.count()).append('\n');
    }

    private static void header(StringBuilder text, String name, String help, String type) {
        text.append("# HELP ").append(PREFIX).append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(PREFIX).append(name).append(' ').append(type).append('\n');
    }
}
