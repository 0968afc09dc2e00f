package io.palisade.collector.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** CPU percentage from two cumulative readings, as docker stats shows it. */
class CpuPercentTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void firstSampleHasNoPercentageThenOneCoreBusyIsAHundred() {
        CpuPercent cpu = new CpuPercent();

        assertThat(cpu.update("c", 5 * SECOND, 10 * SECOND)).isNull();
        assertThat(cpu.update("c", 6 * SECOND, 11 * SECOND)).isEqualTo(100.0);
        assertThat(cpu.update("c", 9 * SECOND, 13 * SECOND)).isEqualTo(150.0);
    }

    @Test
    void aCounterGoingBackStartsOver() {
        CpuPercent cpu = new CpuPercent();
        cpu.update("c", 5 * SECOND, 10 * SECOND);

        assertThat(cpu.update("c", SECOND, 11 * SECOND)).isNull();
        assertThat(cpu.update("c", SECOND + SECOND / 4, 12 * SECOND)).isEqualTo(25.0);
    }

    @Test
    void forgottenKeysStartOver() {
        CpuPercent cpu = new CpuPercent();
        cpu.update("gone", 0, 0);
        cpu.update("kept", 0, 0);

        cpu.retain(Set.of("kept"));

        assertThat(cpu.update("gone", SECOND, SECOND)).isNull();
        assertThat(cpu.update("kept", SECOND, SECOND)).isEqualTo(100.0);
    }
}
