package io.palisade.processor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.palisade.processor.correlation.CorrelationSettings;

/**
 * Everything the processor is configured with, validated once at start so that every problem is reported together.
 *
 * <p>Defaults (see {@link #defaults()}):
 * <ul>
 *   <li>{@code bootstrapServers} 127.0.0.1:9092; {@code applicationId} palisade-processor; {@code stateDir}
 *       .palisade/processor-state; {@code streamThreads} 1.</li>
 *   <li>{@code alertWindow} 10 min: repeats of one finding within one event-time window share an alert id.</li>
 *   <li>{@code enrichmentMaxWait} 30 s (wall clock): how long an event of a container the inventory does not know yet
 *       is held back waiting for the container's inventory record, before it is evaluated without it.</li>
 *   <li>{@code enrichmentRetryInterval} 1 s: how often held-back events are looked at again.</li>
 *   <li>{@code suppressionEmitInterval} 10 s (wall clock): at most one updated record per alert id per interval.</li>
 *   <li>{@code suppressionGrace} 1 min of event time after an alert window ends before it is closed (final update
 *       written, state dropped): late repeats within the grace still count.</li>
 *   <li>{@code correlations} {@link CorrelationSettings#defaults()}: sequences, thresholds, first-seen, fleet-wide and
 *       stats-baseline correlations.</li>
 * </ul>
 */
public record ProcessorConfig(String bootstrapServers, String applicationId, Path stateDir, int streamThreads,
                              Duration alertWindow, Duration enrichmentMaxWait, Duration enrichmentRetryInterval,
                              Duration suppressionEmitInterval, Duration suppressionGrace,
                              CorrelationSettings correlations) {

    public static ProcessorConfig defaults() {
        return new ProcessorConfig("127.0.0.1:9092", StreamsSettings.DEFAULT_APPLICATION_ID,
                Path.of(".palisade/processor-state"), 1, Duration.ofMinutes(10), Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1), CorrelationSettings.defaults());
    }

    /** Every problem with this configuration, empty when it is usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            problems.add("bootstrap servers must be set (host:port[,host:port...])");
        }
        if (applicationId == null || !applicationId.matches("[A-Za-z0-9._-]+")) {
            problems.add("application id must be letters, digits, '.', '_' or '-', not: " + applicationId);
        }
        if (stateDir == null) {
            problems.add("state dir must be set");
        }
        if (streamThreads < 1) {
            problems.add("stream threads must be at least 1, not " + streamThreads);
        }
        positive(problems, "alert window", alertWindow);
        positive(problems, "enrichment max wait", enrichmentMaxWait);
        positive(problems, "enrichment retry interval", enrichmentRetryInterval);
        positive(problems, "suppression emit interval", suppressionEmitInterval);
        if (suppressionGrace == null || suppressionGrace.isNegative()) {
            problems.add("suppression grace must be zero or more, not " + suppressionGrace);
        }
        if (correlations == null) {
            problems.add("correlation settings must be set");
        } else {
            correlations.problems().forEach(problem -> problems.add("correlations: " + problem));
        }
        return problems;
    }

    /** This configuration, or an exception listing every problem with it. */
    public ProcessorConfig validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid processor configuration:\n  - " + String.join("\n  - ", problems));
        }
        return this;
    }

    public Properties streamsProperties() {
        return StreamsSettings.of(bootstrapServers, applicationId, stateDir, streamThreads);
    }

    public ProcessorConfig withKafka(String bootstrapServers, String applicationId, Path stateDir, int streamThreads) {
        return new ProcessorConfig(bootstrapServers, applicationId, stateDir, streamThreads, alertWindow,
                enrichmentMaxWait, enrichmentRetryInterval, suppressionEmitInterval, suppressionGrace, correlations);
    }

    public ProcessorConfig withEnrichment(Duration maxWait, Duration retryInterval) {
        return new ProcessorConfig(bootstrapServers, applicationId, stateDir, streamThreads, alertWindow, maxWait,
                retryInterval, suppressionEmitInterval, suppressionGrace, correlations);
    }

    public ProcessorConfig withSuppression(Duration emitInterval, Duration grace) {
        return new ProcessorConfig(bootstrapServers, applicationId, stateDir, streamThreads, alertWindow,
                enrichmentMaxWait, enrichmentRetryInterval, emitInterval, grace, correlations);
    }

    public ProcessorConfig withCorrelations(CorrelationSettings settings) {
        return new ProcessorConfig(bootstrapServers, applicationId, stateDir, streamThreads, alertWindow,
                enrichmentMaxWait, enrichmentRetryInterval, suppressionEmitInterval, suppressionGrace, settings);
    }

    private static void positive(List<String> problems, String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            problems.add(name + " must be positive, not " + value);
        }
    }
}
