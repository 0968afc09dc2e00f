package io.palisade.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.palisade.collector.publish.PublisherMetrics;
import org.junit.jupiter.api.Test;

class CollectorMetricsTextTest {

    @Test
    void countsPerTopicLatencyHistogramAndSpoolDepthArePrometheusText() {
        PublisherMetrics metrics = new PublisherMetrics();
        metrics.published("palisade.events.process", Duration.ofMillis(30));
        metrics.published("palisade.events.process", Duration.ofSeconds(3));
        metrics.published("palisade.events.container", Duration.ofMillis(4));
        metrics.spooled("palisade.events.stats");
        metrics.dropped("palisade.events.stats");
        metrics.sourceError("file");

        String text = CollectorMetricsText.render(metrics);

        assertThat(text).contains(
                "# TYPE palisade_collector_events_published_total counter\n",
                "palisade_collector_events_published_total{topic=\"palisade.events.process\"} 2\n",
                "palisade_collector_events_published_total{topic=\"palisade.events.container\"} 1\n",
                "palisade_collector_events_spooled_total{topic=\"palisade.events.stats\"} 1\n",
                "palisade_collector_events_dropped_total{topic=\"palisade.events.stats\"} 1\n",
                "palisade_collector_source_errors_total{source=\"file\"} 1\n",
                "palisade_collector_spool_records 0\n",
                "palisade_collector_spool_bytes 0\n",
                "# TYPE palisade_collector_publish_latency_seconds histogram\n",
                "palisade_collector_publish_latency_seconds_bucket{le=\"0.005\"} 1\n",
                "palisade_collector_publish_latency_seconds_bucket{le=\"0.05\"} 2\n",
                "palisade_collector_publish_latency_seconds_bucket{le=\"2.5\"} 2\n",
                "palisade_collector_publish_latency_seconds_bucket{le=\"5.0\"} 3\n",
                "palisade_collector_publish_latency_seconds_bucket{le=\"+Inf\"} 3\n",
                "palisade_collector_publish_latency_seconds_sum 3.034\n",
                "palisade_collector_publish_latency_seconds_count 3\n");
    }
}
