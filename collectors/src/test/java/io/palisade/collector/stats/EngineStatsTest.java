package io.palisade.collector.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Statistics;
import org.junit.jupiter.api.Test;

/** The engine stats fall-back on an answer captured from the real engine for a busybox container limited to 64 MiB. */
class EngineStatsTest {

    @Test
    void mapsCpuMemoryNetworkBlockAndPids() {
        ResourceSample sample = EngineStats.toSample(Fixture.engineJson("stats/engine-stats_docker.json",
                Statistics.class));

        assertThat(sample).usingRecursiveComparison().ignoringFields("cpuClockNanos").isEqualTo(new ResourceSample(
                94_863_750_479L, 0, 315_392L, 64L << 20, new ByteCounts(1_086, 0), new ByteCounts(0, 0), 1L));
    }

    @Test
    void aStoppedContainersEmptyAnswerIsRefused() {
        assertThatThrownBy(() -> EngineStats.toSample(new Statistics())).isInstanceOf(IllegalArgumentException.class);
    }
}
