package io.palisade.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CollectorConfigTest {

    @Test
    void defaultsAreValid() {
        CollectorConfig config = CollectorConfig.defaults("localhost:9092");

        assertThat(config.containerSource()).isTrue();
        assertThat(config.containerResync()).isEqualTo(CollectorConfig.DEFAULT_CONTAINER_RESYNC);
        assertThat(config.publishMaxBlock()).isEqualTo(CollectorConfig.DEFAULT_PUBLISH_MAX_BLOCK);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> new CollectorConfig(" ", "", null, true, Duration.ZERO, Duration.ofHours(1)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .hasSize(4)
                        .anySatisfy(p -> assertThat(p).contains("bootstrapServers"))
                        .anySatisfy(p -> assertThat(p).contains("hostName"))
                        .anySatisfy(p -> assertThat(p).contains("containerResync"))
                        .anySatisfy(p -> assertThat(p).contains("publishMaxBlock")))
                .hasMessageContaining("4 problems");
    }
}
