package io.palisade.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import io.palisade.runtime.Backoff;
import org.junit.jupiter.api.Test;

class SinkSettingsTest {

    @Test
    void defaultsAreValidAndNameTheConsumerGroup() {
        SinkSettings settings = SinkSettings.defaults("elasticsearch");

        assertThat(settings.consumerGroup()).isEqualTo("palisade-sink-elasticsearch");
        assertThat(settings.batchSize()).isEqualTo(SinkSettings.DEFAULT_BATCH_SIZE);
    }

    @Test
    void reportsEveryErrorAtOnce() {
        assertThatThrownBy(() -> new SinkSettings("Bad Name", null, null, 0, Duration.ZERO,
                new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name")
                .hasMessageContaining("minimumSeverity")
                .hasMessageContaining("tags")
                .hasMessageContaining("batchSize")
                .hasMessageContaining("batchLinger")
                .hasMessageContaining("backoff");
    }
}
