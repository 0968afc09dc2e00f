package io.palisade.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import io.palisade.runtime.config.InvalidConfigException;
import org.junit.jupiter.api.Test;

class ProcessorConfigTest {

    @Test
    void theDefaultsAreValid() {
        assertThat(ProcessorConfig.defaults().problems()).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ProcessorConfig broken = ProcessorConfig.defaults().withKafka(" ", "has space", Path.of("x"), 0)
                .withEnrichment(Duration.ZERO, Duration.ofSeconds(1))
                .withSuppression(Duration.ofSeconds(-1), Duration.ofSeconds(-1));

        assertThat(broken.problems()).hasSize(6);
        assertThatThrownBy(broken::validated).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("kafka.bootstrap_servers").hasMessageContaining("application_id")
                .hasMessageContaining("stream_threads").hasMessageContaining("enrichment_max_wait")
                .hasMessageContaining("suppression_emit_interval").hasMessageContaining("suppression_grace");
    }
}
