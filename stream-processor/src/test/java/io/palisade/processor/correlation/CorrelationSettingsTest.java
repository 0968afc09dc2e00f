package io.palisade.processor.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import io.palisade.processor.correlation.CorrelationSettings.Sequence;
import io.palisade.processor.correlation.CorrelationSettings.Threshold;
import org.apache.kafka.streams.StreamsBuilder;
import org.junit.jupiter.api.Test;

class CorrelationSettingsTest {

    @Test
    void theDefaultsAreValidAndAreTheDocumentedOnes() {
        CorrelationSettings defaults = CorrelationSettings.defaults();

        assertThat(defaults.problems()).isEmpty();
        assertThat(defaults.sequences()).containsExactly(new Sequence("PAL-PROC-001", "PAL-FILE-001",
                Duration.ofMinutes(5)));
        assertThat(defaults.thresholds()).containsExactly(new Threshold("PAL-STAT-001", 6, Duration.ofMinutes(2)));
        assertThat(defaults.firstSeenLearning()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.fleetMinHosts()).isEqualTo(3);
        assertThat(defaults.fleetWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.statsStddevFactor()).isEqualTo(4.0);
    }

    @Test
    void everyInvalidSettingIsReportedAtOnceByName() {
        CorrelationSettings broken = new CorrelationSettings(
                List.of(new Sequence("PAL-PROC-001", "PAL-PROC-001", Duration.ZERO), new Sequence(" ", null,
                        Duration.ofMinutes(1))),
                List.of(new Threshold("PAL-STAT-001", 1, Duration.ofMinutes(-1))),
                Duration.ZERO, 0, 1, Duration.ofNanos(5), 1, 0.0, -1.0, -1L, Duration.ofMinutes(10));

        assertThat(broken.problems()).containsExactlyInAnyOrder(
                "correlations.sequences[0].within must be at least 1 ms, not PT0S",
                "correlations.sequences[0]: first_rule_id and then_rule_id must differ (use a threshold for repeats)",
                "correlations.sequences[1].first_rule_id must name a rule id",
                "correlations.sequences[1].then_rule_id must name a rule id",
                "correlations.thresholds[0].within must be at least 1 ms, not PT-1M",
                "correlations.thresholds[0].count must be at least 2, not 1",
                "correlations.first_seen_learning must be at least 1 ms, not PT0S",
                "correlations.max_executables_per_image must be at least 1, not 0",
                "correlations.fleet_min_hosts must be at least 2, not 1",
                "correlations.fleet_window must be at least 1 ms, not PT0.000000005S",
                "correlations.stats_warmup_samples must be at least 2, not 1",
                "correlations.stats_stddev_factor must be above 0, not 0.0",
                "correlations.stats_min_cpu_delta must be 0 or more, not -1.0",
                "correlations.stats_min_memory_delta must be 0 or more, not -1");
    }

    @Test
    void attachRefusesInvalidSettingsNamingEveryProblem() {
        StreamsBuilder builder = new StreamsBuilder();
        CorrelationSettings defaults = CorrelationSettings.defaults();
        CorrelationSettings broken = new CorrelationSettings(defaults.sequences(), defaults.thresholds(),
                defaults.firstSeenLearning(), defaults.maxExecutablesPerImage(), 1, defaults.fleetWindow(), 1,
                defaults.statsStddevFactor(), defaults.statsMinCpuDelta(), defaults.statsMinMemoryDelta(),
                defaults.statsAlertWindow());

        assertThatThrownBy(() -> Correlations.attach(builder, null, null, null, broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("correlations.fleet_min_hosts must be at least 2")
                .hasMessageContaining("correlations.stats_warmup_samples must be at least 2");
    }
}
