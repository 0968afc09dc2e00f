package io.palisade.processor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import io.palisade.processor.correlation.CorrelationSettings;
import io.palisade.runtime.config.ConfigBinder;
import io.palisade.runtime.config.InvalidConfigException;
import io.palisade.runtime.config.Validatable;

/**
 * Everything the processor is configured with, validated once at start so that every problem is reported together.
 * Read from YAML, {@code PALISADE_*} environment variables and command-line flags by {@link #binder()}; keys are the
 * components in {@code snake_case}. A {@code null} component takes its default:
 *
 * @param kafka                   brokers and further client settings (default 127.0.0.1:9092, no properties)
 * @param applicationId           Kafka Streams application id shared by all instances (default palisade-processor)
 * @param stateDir                local state store directory (default .palisade/processor-state)
 * @param streamThreads           stream threads (default 1)
 * @param alertWindow             repeats of one finding within one event-time window share an alert id (default 10m)
 * @param enrichmentMaxWait       how long, in wall-clock time, an event of a container the inventory does not know yet
 *                                is held back waiting for the container's record, before it is evaluated without it
 *                                (default 30s)
 * @param enrichmentRetryInterval how often held-back events are looked at again (default 1s)
 * @param suppressionEmitInterval at most one updated record per alert id per interval, wall clock (default 10s)
 * @param suppressionGrace        event time after an alert window ends before it is closed (final update written,
 *                                state dropped): late repeats within the grace still count (default 1m)
 * @param query                   the fleet inventory endpoint
 * @param correlations            sequences, thresholds, first-seen, fleet-wide and stats-baseline correlations
 */
public record ProcessorConfig(KafkaSettings kafka, String applicationId, Path stateDir, Integer streamThreads,
                              Duration alertWindow, Duration enrichmentMaxWait, Duration enrichmentRetryInterval,
                              Duration suppressionEmitInterval, Duration suppressionGrace, QuerySettings query,
                              CorrelationSettings correlations) implements Validatable {

    private static final ConfigBinder<ProcessorConfig> BINDER = ConfigBinder.of(ProcessorConfig.class, "processor",
            // Every command reads the shared variable; the thread count had its own name before it had a key.
            Map.of("PALISADE_BOOTSTRAP_SERVERS", "kafka.bootstrap_servers",
                    "PALISADE_PROCESSOR_THREADS", "stream_threads"));

    public ProcessorConfig {
        kafka = Objects.requireNonNullElseGet(kafka, () -> new KafkaSettings(null, null));
        applicationId = Objects.requireNonNullElse(applicationId, StreamsSettings.DEFAULT_APPLICATION_ID);
        stateDir = Objects.requireNonNullElse(stateDir, Path.of(".palisade/processor-state"));
        streamThreads = Objects.requireNonNullElse(streamThreads, 1);
        alertWindow = Objects.requireNonNullElse(alertWindow, Duration.ofMinutes(10));
        enrichmentMaxWait = Objects.requireNonNullElse(enrichmentMaxWait, Duration.ofSeconds(30));
        enrichmentRetryInterval = Objects.requireNonNullElse(enrichmentRetryInterval, Duration.ofSeconds(1));
        suppressionEmitInterval = Objects.requireNonNullElse(suppressionEmitInterval, Duration.ofSeconds(10));
        suppressionGrace = Objects.requireNonNullElse(suppressionGrace, Duration.ofMinutes(1));
        query = Objects.requireNonNullElseGet(query, () -> new QuerySettings(null, null, null));
        correlations = Objects.requireNonNullElseGet(correlations, CorrelationSettings::defaults);
    }

    /** Reads this configuration from YAML, {@code PALISADE_*} variables and command-line overrides. */
    public static ConfigBinder<ProcessorConfig> binder() {
        return BINDER;
    }

    /** Every setting at its default. */
    public static ProcessorConfig defaults() {
        return new ProcessorConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Every problem with this configuration, each naming its key; empty when it is usable. */
    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>(kafka.problems());
        if (!applicationId.matches("[A-Za-z0-9._-]+")) {
            problems.add("application_id must be letters, digits, '.', '_' or '-', not: " + applicationId);
        }
        if (streamThreads < 1) {
            problems.add("stream_threads must be at least 1, not " + streamThreads);
        }
        positive(problems, "alert_window", alertWindow);
        positive(problems, "enrichment_max_wait", enrichmentMaxWait);
        positive(problems, "enrichment_retry_interval", enrichmentRetryInterval);
        positive(problems, "suppression_emit_interval", suppressionEmitInterval);
        if (suppressionGrace.isNegative()) {
            problems.add("suppression_grace must be zero or more, not " + suppressionGrace);
        }
        problems.addAll(query.problems());
        problems.addAll(correlations.problems());
        return problems;
    }

    /** This configuration, or an {@link InvalidConfigException} listing every problem with it. */
    public ProcessorConfig validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidConfigException("processor", problems);
        }
        return this;
    }

    /** The Kafka Streams settings: the processor's own, then {@code kafka.properties}. */
    public Properties streamsProperties() {
        Properties properties = StreamsSettings.of(kafka.bootstrapServers(), applicationId, stateDir, streamThreads);
        properties.putAll(kafka.properties());
        return properties;
    }

    public ProcessorConfig withKafka(String bootstrapServers, String applicationId, Path stateDir, int streamThreads) {
        return new ProcessorConfig(new KafkaSettings(bootstrapServers, kafka.properties()), applicationId, stateDir,
                streamThreads, alertWindow, enrichmentMaxWait, enrichmentRetryInterval, suppressionEmitInterval,
                suppressionGrace, query, correlations);
    }

    public ProcessorConfig withEnrichment(Duration maxWait, Duration retryInterval) {
        return new ProcessorConfig(kafka, applicationId, stateDir, streamThreads, alertWindow, maxWait, retryInterval,
                suppressionEmitInterval, suppressionGrace, query, correlations);
    }

    public ProcessorConfig withSuppression(Duration emitInterval, Duration grace) {
        return new ProcessorConfig(kafka, applicationId, stateDir, streamThreads, alertWindow, enrichmentMaxWait,
                enrichmentRetryInterval, emitInterval, grace, query, correlations);
    }

    public ProcessorConfig withCorrelations(CorrelationSettings settings) {
        return new ProcessorConfig(kafka, applicationId, stateDir, streamThreads, alertWindow, enrichmentMaxWait,
                enrichmentRetryInterval, suppressionEmitInterval, suppressionGrace, query, settings);
    }

    private static void positive(List<String> problems, String key, Duration value) {
        if (value.isZero() || value.isNegative()) {
            problems.add(key + " must be positive, not " + value);
        }
    }
}
