package io.palisade.processor.correlation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.palisade.schema.Alert;
import io.palisade.schema.ContainerStats;
import io.palisade.schema.ProcessAction;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The stateful correlations of the processor (PAL-CORR-001 to 005, see {@link CorrelationCatalog}), added to a
 * topology being built. Each correlation repartitions its input by what it correlates on, into these internal topics
 * (prefixed by the application id, suffixed {@code -repartition}):
 * <ul>
 *   <li>{@value #ALERTS_BY_CONTAINER}: rule alerts of sequence and threshold rules, keyed by container id;</li>
 *   <li>{@value #ALERTS_BY_RULE}: rule alerts with a host, keyed by rule id (fleet-wide campaigns), at most one per
 *       rule and host every {@link #FLEET_REPEAT_INTERVAL};</li>
 *   <li>{@value #PROCESSES_BY_IMAGE}: process execs with an image and executable, keyed by image name, each image and
 *       executable once (as long as the processor remembers it);</li>
 *   <li>{@value #STATS_BY_IMAGE}: container samples with an image, keyed by image name, at most one per container
 *       every {@link #STATS_SAMPLE_INTERVAL}.</li>
 * </ul>
 * The three busy ones hold back repeats that would change nothing ({@link RepeatThrottle}) before they are written.
 * State lives only in persistent, changelogged stores, and time is event time (alert first_seen, event.created).
 */
public final class Correlations {

    static final String ALERTS_BY_CONTAINER = "correlation-alerts-by-container";
    static final String ALERTS_BY_RULE = "correlation-alerts-by-rule";
    static final String PROCESSES_BY_IMAGE = "correlation-processes-by-image";
    static final String STATS_BY_IMAGE = "correlation-stats-by-image";

    private static final Serde<Alert> ALERTS = Topics.ALERTS.valueSerde();

    /** A host's alerts of one rule reach the fleet correlation at most this often: its window is minutes long. */
    static final Duration FLEET_REPEAT_INTERVAL = Duration.ofSeconds(10);

    /**
     * A container's samples reach its image baseline at most this often: half the collectors' default stats interval,
     * so a collector polling faster than usual does not outweigh the rest of the image's containers.
     */
    static final Duration STATS_SAMPLE_INTERVAL = Duration.ofSeconds(5);

    private Correlations() {
    }

    /**
     * Adds every correlation to {@code builder}; returns the correlation alerts keyed by alert id.
     *
     * @param ruleAlerts        the per-event alerts of the rules, before suppression, under any key
     * @param enrichedProcesses process events whose container carries its image name when known, under any key
     * @param enrichedStats     stats samples whose container carries its image name when known, under any key
     * @throws IllegalArgumentException listing every problem of {@code settings}
     */
    public static KStream<String, Alert> attach(StreamsBuilder builder, KStream<String, Alert> ruleAlerts,
                                                KStream<String, ProcessEvent> enrichedProcesses,
                                                KStream<String, ContainerStats> enrichedStats,
                                                CorrelationSettings settings) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid correlation settings: " + String.join("; ", problems));
        }
        List<KStream<String, Alert>> outputs = new ArrayList<>();

        Set<String> sequenceRules = SequenceCorrelation.ruleIds(settings);
        Set<String> thresholdRules = ThresholdCorrelation.ruleIds(settings);
        if (!sequenceRules.isEmpty() || !thresholdRules.isEmpty()) {
            KStream<String, Alert> byContainer = repartition(ruleAlerts.filter((key, alert) ->
                            alert.getContainer() != null && (sequenceRules.contains(alert.getRule().getId())
                                    || thresholdRules.contains(alert.getRule().getId())),
                            Named.as("correlation-container-alerts")),
                    alert -> alert.getContainer().getId(), ALERTS, ALERTS_BY_CONTAINER);
            if (!sequenceRules.isEmpty()) {
                outputs.add(byContainer.process(SequenceCorrelation.supplier(settings),
                        Named.as("correlation-sequence")));
            }
            if (!thresholdRules.isEmpty()) {
                outputs.add(byContainer.process(ThresholdCorrelation.supplier(settings),
                        Named.as("correlation-threshold")));
            }
        }

        KStream<String, Alert> byRule = repartition(ruleAlerts.filter((key, alert) -> alert.getHost() != null,
                        Named.as("correlation-host-alerts"))
                        .processValues(() -> new RepeatThrottle<>(alert -> alert.getRule().getId() + '\0'
                                + alert.getHost().getId(), Alert::getFirstSeen, FLEET_REPEAT_INTERVAL),
                                Named.as("correlation-host-alerts-throttle")),
                alert -> alert.getRule().getId(), ALERTS, ALERTS_BY_RULE);
        outputs.add(byRule.process(FleetCorrelation.supplier(settings), Named.as("correlation-fleet")));

        KStream<String, ProcessEvent> processesByImage = repartition(enrichedProcesses.filter((key, event) ->
                        event.getEvent().getAction() == ProcessAction.EXEC && event.getContainer() != null
                                && event.getContainer().getImage() != null
                                && event.getProcess().getExecutable() != null,
                        Named.as("correlation-image-execs"))
                        .processValues(() -> new RepeatThrottle<>(event -> event.getContainer().getImage().getName()
                                + '\0' + event.getProcess().getExecutable(), event -> event.getEvent().getCreated(),
                                null), Named.as("correlation-image-execs-throttle")),
                event -> event.getContainer().getImage().getName(), Topics.PROCESS_EVENTS.valueSerde(),
                PROCESSES_BY_IMAGE);
        outputs.add(processesByImage.process(FirstSeenCorrelation.supplier(settings),
                Named.as("correlation-first-seen")));

        KStream<String, ContainerStats> statsByImage = repartition(enrichedStats.filter((key, sample) ->
                        sample.getContainer() != null && sample.getContainer().getImage() != null,
                        Named.as("correlation-image-stats"))
                        .processValues(() -> new RepeatThrottle<>(sample -> sample.getContainer().getId(),
                                sample -> sample.getEvent().getCreated(), STATS_SAMPLE_INTERVAL),
                                Named.as("correlation-image-stats-throttle")),
                sample -> sample.getContainer().getImage().getName(), Topics.CONTAINER_STATS.valueSerde(),
                STATS_BY_IMAGE);
        outputs.add(statsByImage.process(StatsDeviationCorrelation.supplier(settings),
                Named.as("correlation-stats-deviation")));

        KStream<String, Alert> merged = outputs.getFirst();
        for (int i = 1; i < outputs.size(); i++) {
            merged = merged.merge(outputs.get(i), Named.as("correlation-merge-" + i));
        }
        return merged;
    }

    private static <V> KStream<String, V> repartition(KStream<String, V> stream, Function<V, String> key,
                                                      Serde<V> values, String name) {
        return stream.selectKey((oldKey, value) -> key.apply(value), Named.as(name + "-key"))
                .repartition(Repartitioned.with(Serdes.String(), values).withName(name));
    }
}
