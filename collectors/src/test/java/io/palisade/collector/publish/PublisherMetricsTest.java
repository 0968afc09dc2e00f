package io.palisade.collector.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.palisade.collector.publish.PublisherMetrics.DropReason;
import org.junit.jupiter.api.Test;

class PublisherMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final PublisherMetrics metrics = new PublisherMetrics(registry);

    @Test
    void dropsAreCountedByTopicAndReasonAndAddUpToTheTotal() {
        assertThat(metrics.dropped("palisade.events.stats", DropReason.SPOOL_FULL)).isEqualTo(1);
        assertThat(metrics.dropped("palisade.events.stats", DropReason.SPOOL_FULL)).isEqualTo(2);
        assertThat(metrics.dropped("palisade.events.process", DropReason.REJECTED_BY_KAFKA)).isEqualTo(1);

        assertThat(metrics.droppedTotal()).isEqualTo(3);
        assertThat(registry.scrape()).contains(
                "palisade_collector_events_dropped_total{reason=\"spool_full\",topic=\"palisade.events.stats\"} 2.0\n",
                "palisade_collector_events_dropped_total{reason=\"rejected_by_kafka\",topic=\"palisade.events.process\"}"
                        + " 1.0\n");
    }

    @Test
    void publishedEventsAndTheirLatencyArePrometheusSeries() {
        metrics.published("palisade.events.file", Duration.ofMillis(20));
        metrics.published("palisade.events.file", Duration.ofSeconds(3));
        metrics.spooled("palisade.events.file");
        metrics.sourceError("container");

        assertThat(metrics.spooledByTopic()).containsEntry("palisade.events.file", 1L);
        assertThat(registry.scrape()).contains(
                "palisade_collector_events_published_total{topic=\"palisade.events.file\"} 2.0\n",
                "palisade_collector_events_spooled_total{topic=\"palisade.events.file\"} 1.0\n",
                "palisade_collector_source_errors_total{source=\"container\"} 1.0\n",
                "palisade_collector_publish_latency_seconds_bucket{le=\"0.01\"} 0\n",
                "palisade_collector_publish_latency_seconds_bucket{le=\"0.025\"} 1\n",
                "palisade_collector_publish_latency_seconds_bucket{le=\"5.0\"} 2\n",
                "palisade_collector_publish_latency_seconds_bucket{le=\"120.0\"} 2\n",
                "palisade_collector_publish_latency_seconds_count 2\n");
    }
}
