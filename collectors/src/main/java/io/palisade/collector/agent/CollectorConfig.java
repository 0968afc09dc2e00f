package io.palisade.collector.agent;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.palisade.collector.config.HostIdentitySettings;
import io.palisade.collector.config.KafkaSettings;
import io.palisade.collector.config.OpsSettings;
import io.palisade.collector.config.PublishSettings;
import io.palisade.runtime.config.ConfigBinder;
import io.palisade.runtime.config.InvalidConfigException;
import io.palisade.runtime.config.Validatable;

/**
 * What the collector agent needs to run, one section per concern; a {@code null} section takes its defaults. Read
 * from YAML and the environment by {@link #binder()}, which reports every problem at once; built in code,
 * {@link #validated()} does the same.
 *
 * @param kafka   where to publish and how to connect ({@code kafka.bootstrap_servers} is required)
 * @param host    the host identity to report
 * @param publish producer blocking bound and the disk spool
 * @param sources one section per source
 * @param ops     the health and metrics endpoint
 */
public record CollectorConfig(KafkaSettings kafka, HostIdentitySettings host, PublishSettings publish,
                              SourcesSettings sources, OpsSettings ops) implements Validatable {

    private static final ConfigBinder<CollectorConfig> BINDER = ConfigBinder.of(CollectorConfig.class, "collector",
            Map.of("PALISADE_BOOTSTRAP_SERVERS", "kafka.bootstrap_servers"));

    public CollectorConfig {
        kafka = Objects.requireNonNullElseGet(kafka, KafkaSettings::defaults);
        host = Objects.requireNonNullElseGet(host, HostIdentitySettings::defaults);
        publish = Objects.requireNonNullElseGet(publish, PublishSettings::defaults);
        sources = Objects.requireNonNullElseGet(sources, SourcesSettings::defaults);
        ops = Objects.requireNonNullElseGet(ops, OpsSettings::defaults);
    }

    /** Reads this configuration from YAML, {@code PALISADE_*} variables and command-line overrides. */
    public static ConfigBinder<CollectorConfig> binder() {
        return BINDER;
    }

    /** Every setting at its default, for the given brokers. */
    public static CollectorConfig defaults(String bootstrapServers) {
        return new CollectorConfig(new KafkaSettings(bootstrapServers, null), null, null, null, null);
    }

    /** Every problem of every section, each naming its key; empty when the configuration is valid. */
    @Override
    public List<String> problems() {
        return Stream.of(kafka.problems(), host.problems(), publish.problems(), sources.problems(), ops.problems())
                .flatMap(List::stream).toList();
    }

    /** This configuration, or an {@link InvalidConfigException} listing all its problems. */
    public CollectorConfig validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidConfigException("collector", problems);
        }
        return this;
    }
}
