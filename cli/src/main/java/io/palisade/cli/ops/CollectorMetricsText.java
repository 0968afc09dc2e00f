package io.palisade.cli.ops;

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
        PrometheusText text = new PrometheusText(PREFIX);
        counter(text, "events_published_total", "Events Kafka acknowledged", "topic", metrics.publishedByTopic());
        counter(text, "events_spooled_total", "Events written to the disk spool while Kafka could not take them",
                "topic", metrics.spooledByTopic());
        counter(text, "events_dropped_total", "Events given up on (spool full or unwritable, rejected by Kafka)",
                "topic", metrics.droppedByTopic());
        counter(text, "source_errors_total", "Errors reported by sources", "source", metrics.sourceErrorsBySource());
        gauge(text, "spool_records", "Events waiting in the disk spool", metrics.spoolRecords());
        gauge(text, "spool_bytes", "Bytes of events waiting in the disk spool", metrics.spoolBytes());
        LatencyHistogram.Snapshot latency = metrics.latency();
        text.header("publish_latency_seconds", "Time from send to Kafka's acknowledgement", "histogram");
        text.histogram("publish_latency_seconds", "", LatencyHistogram.BOUNDS, latency.cumulativeCounts(),
                latency.count(), latency.sumSeconds());
        return text.toString();
    }

    private static void counter(PrometheusText text, String name, String help, String label,
                                Map<String, Long> values) {
        text.header(name, help, "counter");
        values.forEach((value, count) -> text.sample(name, label + "=\"" + value + "\"", count));
    }

    private static void gauge(PrometheusText text, String name, String help, long value) {
        text.header(name, help, "gauge");
        text.sample(name, "", value);
    }
}
