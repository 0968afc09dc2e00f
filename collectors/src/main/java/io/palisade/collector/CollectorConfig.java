package io.palisade.collector;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.palisade.collector.config.CollectorConfigLoader;
import io.palisade.collector.config.HostIdentitySettings;
import io.palisade.collector.config.KafkaSettings;
import io.palisade.collector.config.OpsSettings;
import io.palisade.collector.config.PublishSettings;
import io.palisade.collector.config.SourcesSettings;

/**
 * What the collector agent needs to run, one section per concern; a {@code null} section takes its defaults. Read
 * from YAML and the environment by {@link CollectorConfigLoader}, which reports every problem at once; built in code,
 * {@link #validated()} does the same.
 *
 * @param kafka   where to publish and how to connect ({@code kafka.bootstrap_servers} is required)
 * @param host    the host identity to report
 * @param publish producer blocking bound and the disk spool
 * @param sources one section per source
 * @param ops     the health and metrics endpoint
 */
public record CollectorConfig(KafkaSettings kafka, HostIdentitySettings host, PublishSettings publish,
                              SourcesSettings sources, OpsSettings ops) {

    public CollectorConfig {
        kafka = Objects.requireNonNullElseGet(kafka, KafkaSettings::defaults);
        host = Objects.requireNonNullElseGet(host, HostIdentitySettings::defaults);
        publish = Objects.requireNonNullElseGet(publish, PublishSettings::defaults);
        sources = Objects.requireNonNullElseGet(sources, SourcesSettings::defaults);
        ops = Objects.requireNonNullElseGet(ops, OpsSettings::defaults);
    }

    /** Every setting at its default, for the given brokers. */
    public static CollectorConfig defaults(String bootstrapServers) {
        return new CollectorConfig(new KafkaSettings(bootstrapServers, null), null, null, null, null);
    }

    /** Every problem of every section, each naming its key; empty when the configuration is valid. */
    public List<String> problems() {
        return Stream.of(kafka.problems(), host.problems(), publish.problems(), sources.problems(), ops.problems())
                .flatMap(List::stream).toList();
    }

    /** This configuration, or an {@link InvalidConfigException} listing all its problems. */
    public CollectorConfig validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return this;
    }
}
