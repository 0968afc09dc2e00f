package io.palisade.processor.correlation;

import static io.palisade.processor.correlation.Records.HIGH_CPU;
import static io.palisade.processor.correlation.Records.T0;
import static io.palisade.processor.correlation.Records.ruleAlert;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.palisade.schema.Alert;
import io.palisade.schema.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThresholdCorrelationTest extends CorrelationTestSupport {

    /** High-CPU alerts from {@code container}, {@code every} apart, numbered from {@code from}. */
    private static Alert[] highCpu(String container, int from, int count, Duration every) {
        return IntStream.range(from, from + count)
                .mapToObj(i -> ruleAlert(HIGH_CPU, container + "-cpu-" + i, T0.plus(every.multipliedBy(i)), container))
                .toArray(Alert[]::new);
    }

    @Test
    void sixHighCpuSamplesWithinTwoMinutesRaiseOneCryptoMinerAlertCitingAllSix() {
        harness.ruleAlerts(highCpu("c1", 0, 6, Duration.ofSeconds(20)));

        assertThat(harness.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.getRule().getId()).isEqualTo("PAL-CORR-002");
            assertThat(alert.getRule().getName()).isEqualTo("Sustained high CPU in container (crypto-miner pattern)");
            assertThat(alert.getRule().getSeverity()).isEqualTo(Severity.ERROR);
            assertThat(alert.getThreat().getTechnique().getId()).isEqualTo("T1496");
            assertThat(alert.getCount()).isEqualTo(6);
            assertThat(alert.getEvidenceEventIds()).containsExactly("c1-cpu-0", "c1-cpu-1", "c1-cpu-2", "c1-cpu-3",
                    "c1-cpu-4", "c1-cpu-5");
            assertThat(alert.getFirstSeen()).isEqualTo(T0);
            assertThat(alert.getLastSeen()).isEqualTo(T0.plusSeconds(100));
        });
    }

    @Test
    void moreSamplesWithinTheWindowRaiseNothingMore() {
        harness.ruleAlerts(highCpu("c1", 0, 11, Duration.ofSeconds(10)));

        assertThat(harness.alerts()).hasSize(1);
    }

    @Test
    void fiveSamplesAreBelowTheThreshold() {
        harness.ruleAlerts(highCpu("c1", 0, 5, Duration.ofSeconds(10)));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void sixSamplesSpreadOverMoreThanTwoMinutesAreNotSustained() {
        harness.ruleAlerts(highCpu("c1", 0, 6, Duration.ofSeconds(25)));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void samplesFromDifferentContainersAreCountedApart() {
        harness.ruleAlerts(highCpu("c1", 0, 3, Duration.ofSeconds(10)));
        harness.ruleAlerts(highCpu("c2", 3, 3, Duration.ofSeconds(10)));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void aThresholdOnAnyOtherRuleRaisesTheGenericRepeatAlertWithoutAnAttackMapping(@TempDir Path otherStateDir) {
        CorrelationSettings d = CorrelationSettings.defaults();
        CorrelationSettings repeats = new CorrelationSettings(d.sequences(),
                List.of(new CorrelationSettings.Threshold("PAL-CNT-001", 3, Duration.ofMinutes(1))),
                d.firstSeenLearning(), d.maxExecutablesPerImage(), d.fleetMinHosts(), d.fleetWindow(),
                d.statsWarmupSamples(), d.statsStddevFactor(), d.statsMinCpuDelta(), d.statsMinMemoryDelta(),
                d.statsAlertWindow());
        try (CorrelationHarness custom = new CorrelationHarness(otherStateDir, repeats)) {
            custom.ruleAlerts(IntStream.range(0, 3)
                    .mapToObj(i -> ruleAlert("PAL-CNT-001", "e-" + i, T0.plusSeconds(i), "c1")).toArray(Alert[]::new));

            assertThat(custom.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.getRule().getName()).isEqualTo("Repeated finding in container");
                assertThat(alert.getThreat()).isNull();
                assertThat(alert.getMessage()).contains("rule PAL-CNT-001 3 times");
            });
        }
    }

    @Test
    void otherRulesAreNotCounted() {
        harness.ruleAlerts(IntStream.range(0, 8)
                .mapToObj(i -> ruleAlert("PAL-CNT-001", "e-" + i, T0.plusSeconds(i), "c1")).toArray(Alert[]::new));

        assertThat(harness.alerts()).isEmpty();
    }
}
