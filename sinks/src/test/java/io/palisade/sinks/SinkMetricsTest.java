package io.palisade.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SinkMetricsTest {

    private final MutableClock clock = new MutableClock();
    private final SinkMetrics metrics = new SinkMetrics("es", clock);

    @Test
    void countsAndHistogram() {
        metrics.written(3);
        metrics.retried(2);
        metrics.deadLettered();
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
        // 0.025 is the third bound, 5.0 the tenth: cumulative counts 0,0,1,...,1,2,2,2
        assertThat(snapshot.latencyCumulative()).containsExactly(0L, 0L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 2L, 2L, 2L);
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
