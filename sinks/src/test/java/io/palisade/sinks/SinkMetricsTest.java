package io.palisade.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class SinkMetricsTest {

    private final MutableClock clock = new MutableClock();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SinkMetrics metrics = new SinkMetrics("es", clock, registry);

    @Test
    void countsAndHistogram() {
        metrics.written(3);
        metrics.retried(2);
        metrics.deadLettered(SinkMetrics.DeadLetterReason.REJECTED);
        metrics.filtered();
        metrics.filtered();
        metrics.batchWritten();
        metrics.writeTook(Duration.ofMillis(20));
        metrics.writeTook(Duration.ofSeconds(3));
        metrics.lag(42);

        SinkMetrics.Snapshot snapshot = metrics.snapshot();
        assertThat(snapshot.written()).isEqualTo(3);
        assertThat(snapshot.retried()).isEqualTo(2);
        assertThat(snapshot.deadLettered()).isEqualTo(1);
        assertThat(snapshot.filtered()).isEqualTo(2);
        assertThat(snapshot.batches()).isEqualTo(1);
        assertThat(snapshot.lag()).isEqualTo(42);
        assertThat(snapshot.latencyCount()).isEqualTo(2);
        assertThat(snapshot.latencySumSeconds()).isEqualTo(3.02);
    }

    @Test
    void everySeriesIsTaggedWithTheSinkInPrometheusNames() {
        metrics.written(3);
        metrics.deadLettered(SinkMetrics.DeadLetterReason.UNREADABLE);
        metrics.writeTook(Duration.ofMillis(20));
        metrics.writeTook(Duration.ofSeconds(3));
        metrics.lag(42);

        assertThat(registry.scrape()).contains(
                "palisade_sink_alerts_written_total{sink=\"es\"} 3.0\n",
                "palisade_sink_alerts_retried_total{sink=\"es\"} 0.0\n",
                "palisade_sink_alerts_dead_lettered_total{reason=\"unreadable\",sink=\"es\"} 1.0\n",
                "palisade_sink_alerts_filtered_total{sink=\"es\"} 0.0\n",
                "palisade_sink_batches_total{sink=\"es\"} 0.0\n",
                "palisade_sink_consumer_lag_records{sink=\"es\"} 42.0\n",
                // 0.025 is the third bound, 5.0 the tenth.
                "palisade_sink_write_latency_seconds_bucket{sink=\"es\",le=\"0.01\"} 0\n",
                "palisade_sink_write_latency_seconds_bucket{sink=\"es\",le=\"0.025\"} 1\n",
                "palisade_sink_write_latency_seconds_bucket{sink=\"es\",le=\"5.0\"} 2\n",
                "palisade_sink_write_latency_seconds_count{sink=\"es\"} 2\n",
                "palisade_sink_state{sink=\"es\",state=\"starting\"} 1.0\n",
                "palisade_sink_state{sink=\"es\",state=\"running\"} 0.0\n",
                "palisade_sink_state_since_seconds{sink=\"es\"} 1.7672256E9\n");
    }

    @Test
    void retryingKeepsTheTimeOfTheFirstFailure() {
        assertThat(metrics.state().phase()).isEqualTo(SinkState.Phase.STARTING);
        Instant first = clock.instant();
        metrics.retrying("connection refused");
        clock.advance(Duration.ofMinutes(1));
        metrics.retrying("timed out");

        assertThat(metrics.state()).isEqualTo(new SinkState(SinkState.Phase.RETRYING, first, "timed out"));
        assertThat(metrics.state().describe()).isEqualTo("retrying since " + first + ": timed out");

        metrics.running();
        assertThat(metrics.state().phase()).isEqualTo(SinkState.Phase.RUNNING);
        metrics.stopped("401 unauthorized");
        assertThat(metrics.state().describe()).isEqualTo("stopped: 401 unauthorized");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
