package io.palisade.processor.correlation;

import static io.palisade.processor.correlation.Records.T0;
import static io.palisade.processor.correlation.Records.sample;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import io.palisade.schema.ContainerStats;
import org.junit.jupiter.api.Test;

class StatsDeviationCorrelationTest extends CorrelationTestSupport {

    private static final String IMAGE = "nginx:1.27";
    private static final long MEMORY = 100_000_000L;
    private static final int WARMUP = CorrelationSettings.defaults().statsWarmupSamples();

    /** {@link #WARMUP} normal samples over two containers: CPU 9 to 11 %, memory 100 MB ± 1 MB, 10 s apart. */
    private static List<ContainerStats> baseline() {
        return IntStream.range(0, WARMUP).mapToObj(i -> sample(IMAGE, i % 2 == 0 ? "c1" : "c2", 9 + i % 3,
                MEMORY + (i % 3 - 1) * 1_000_000L, "e-" + i, T0.plusSeconds(10L * i))).toList();
    }

    private static Instant afterBaseline(long seconds) {
        return T0.plusSeconds(10L * WARMUP + seconds);
    }

    @Test
    void aCpuSampleFarAboveTheImageBaselineRaisesOneAlertPerWindow() {
        harness.stats(baseline());
        harness.stats(List.of(sample(IMAGE, "c3", 95, MEMORY, "e-miner-1", afterBaseline(0)),
                sample(IMAGE, "c3", 97, MEMORY, "e-miner-2", afterBaseline(10))));

        assertThat(harness.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.getRule().getId()).isEqualTo("PAL-CORR-005");
            assertThat(alert.getContainer().getId()).isEqualTo("c3");
            assertThat(alert.getEvidenceEventIds()).containsExactly("e-miner-1");
            assertThat(alert.getMessage()).contains("cpu_percent", "95.0", IMAGE);
        });
    }

    @Test
    void aMemorySampleFarAboveTheBaselineRaisesAnAlert() {
        harness.stats(baseline());
        harness.stats(List.of(sample(IMAGE, "c1", 10, MEMORY * 8, "e-leak", afterBaseline(0))));

        assertThat(harness.alerts()).singleElement()
                .satisfies(alert -> assertThat(alert.getMessage()).contains("memory_usage_bytes"));
    }

    @Test
    void samplesWithinTheBaselineRaiseNothing() {
        harness.stats(baseline());
        harness.stats(List.of(sample(IMAGE, "c1", 12, MEMORY + 2_000_000L, "e-ok", afterBaseline(0))));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void aSpikeAboveKStddevButBelowTheMinimumDeltaRaisesNothing() {
        harness.stats(baseline());
        // 10 % above a mean of 10 with a stddev below 1: far in standard deviations, not in CPU.
        harness.stats(List.of(sample(IMAGE, "c1", 20, MEMORY, "e-small", afterBaseline(0))));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void spikesDuringWarmUpOnlyTeachTheBaseline() {
        harness.stats(List.of(sample(IMAGE, "c1", 95, MEMORY, "e-early", T0)));
        harness.stats(baseline().subList(0, WARMUP - 2));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void theSameSpikeOnAnotherImageIsJudgedAgainstThatImage() {
        harness.stats(baseline());
        harness.stats(List.of(sample("redis:7", "c9", 95, MEMORY, "e-redis", afterBaseline(0))));

        assertThat(harness.alerts()).isEmpty();
    }
}
