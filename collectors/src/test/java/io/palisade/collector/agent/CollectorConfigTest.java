package io.palisade.collector.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import io.palisade.collector.config.ContainerSettings;
import io.palisade.collector.config.HostIdentitySettings;
import io.palisade.collector.config.KafkaSettings;
import io.palisade.collector.config.PublishSettings;
import io.palisade.runtime.config.InvalidConfigException;
import org.junit.jupiter.api.Test;

class CollectorConfigTest {

    @Test
    void defaultsAreValidAndDocumented() {
        CollectorConfig config = CollectorConfig.defaults("localhost:9092").validated();

        assertThat(config.sources().container().enabled()).isTrue();
        assertThat(config.sources().container().resync()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.publish().maxBlock()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.publish().spoolDir()).isEqualTo(Path.of("/var/lib/palisade/spool"));
        assertThat(config.publish().spoolMaxBytes()).isEqualTo(256L << 20);
        assertThat(config.ops().port()).isEqualTo(9466);
    }

    @Test
    void everyProblemOfEverySectionIsReportedAtOnce() {
        CollectorConfig config = new CollectorConfig(new KafkaSettings(" ", null), new HostIdentitySettings("", null),
                new PublishSettings(Duration.ofHours(1), null, null),
                new SourcesSettings(new ContainerSettings(null, Duration.ZERO), null, null, null, null, null), null);

        assertThatThrownBy(config::validated)
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .hasSize(4)
                        .anySatisfy(p -> assertThat(p).contains("kafka.bootstrap_servers"))
                        .anySatisfy(p -> assertThat(p).contains("host.name"))
                        .anySatisfy(p -> assertThat(p).contains("sources.container.resync"))
                        .anySatisfy(p -> assertThat(p).contains("publish.max_block")))
                .hasMessageContaining("4 problems");
    }
}
