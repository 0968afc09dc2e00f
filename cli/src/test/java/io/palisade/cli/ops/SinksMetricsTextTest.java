package io.palisade.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.palisade.sinks.SinkMetrics;
import io.palisade.sinks.SinkState;
import org.junit.jupiter.api.Test;

class SinksMetricsTextTest {

    private static final Instant SINCE = Instant.parse("2026-01-01T00:00:00Z");

    private static SinkMetrics.Snapshot snapshot(String sink, SinkState.Phase phase, long written) {
        List<Long> latency = List.of(0L, 0L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 2L, 2L, 2L);
        return new SinkMetrics.Snapshot(sink, new SinkState(phase, SINCE, phase == SinkState.Phase.STOPPED
                ? "401 unauthorized" : ""), written, 4, 1, 7, 3, latency, 2, 3.02, 12);
    }

    @Test
    void everySeriesIsLabelledWithItsSink() {
        String text = SinksMetricsText.render(List.of(snapshot("elasticsearch", SinkState.Phase.RUNNING, 500),
                snapshot("slack", SinkState.Phase.STOPPED, 9)));

        assertThat(text).contains(
                "# TYPE palisade_sink_alerts_written_total counter\n",
                "palisade_sink_alerts_written_total{sink=\"elasticsearch\"} 500\n",
                "palisade_sink_alerts_written_total{sink=\"slack\"} 9\n",
                "palisade_sink_alerts_retried_total{sink=\"slack\"} 4\n",
                "palisade_sink_alerts_dead_lettered_total{sink=\"slack\"} 1\n",
                "palisade_sink_alerts_filtered_total{sink=\"slack\"} 7\n",
                "palisade_sink_batches_total{sink=\"slack\"} 3\n",
                "# TYPE palisade_sink_consumer_lag_records gauge\n",
                "palisade_sink_consumer_lag_records{sink=\"elasticsearch\"} 12\n",
                "# TYPE palisade_sink_write_latency_seconds histogram\n",
                "palisade_sink_write_latency_seconds_bucket{sink=\"slack\",le=\"0.025\"} 1\n",
                "palisade_sink_write_latency_seconds_bucket{sink=\"slack\",le=\"+Inf\"} 2\n",
                "palisade_sink_write_latency_seconds_sum{sink=\"slack\"} 3.02\n",
                "palisade_sink_write_latency_seconds_count{sink=\"slack\"} 2\n",
                "palisade_sink_state{sink=\"elasticsearch\",state=\"running\"} 1\n",
                "palisade_sink_state{sink=\"elasticsearch\",state=\"stopped\"} 0\n",
                "palisade_sink_state{sink=\"slack\",state=\"stopped\"} 1\n",
                "palisade_sink_state_since_seconds{sink=\"slack\"} " + SINCE.getEpochSecond() + "\n");
    }
}
