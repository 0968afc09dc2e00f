package io.palisade.processor.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.palisade.schema.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;

/**
 * The names of internal topics and stores are part of a running deployment: renaming one makes an upgraded processor
 * start from empty state. This pins them.
 */
class CorrelationTopologyTest {

    private static TopologyDescription describe(CorrelationSettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        Correlations.attach(builder,
                builder.stream("in.alerts", Consumed.with(Serdes.String(), Topics.ALERTS.valueSerde())),
                builder.stream("in.processes", Consumed.with(Serdes.String(), Topics.PROCESS_EVENTS.valueSerde())),
                builder.stream("in.stats", Consumed.with(Serdes.String(), Topics.CONTAINER_STATS.valueSerde())),
                settings);
        return builder.build().describe();
    }

    private static Set<String> sourceTopics(TopologyDescription description) {
        Set<String> topics = new TreeSet<>();
        description.subtopologies().forEach(s -> s.nodes().forEach(node -> {
            if (node instanceof TopologyDescription.Source source) {
                topics.addAll(source.topicSet());
            }
        }));
        return topics;
    }

    private static Set<String> stores(TopologyDescription description) {
        Set<String> stores = new TreeSet<>();
        description.subtopologies().forEach(s -> s.nodes().forEach(node -> {
            if (node instanceof TopologyDescription.Processor processor) {
                stores.addAll(processor.stores());
            }
        }));
        return stores;
    }

    @Test
    void theDefaultCorrelationsUseTheseRepartitionTopicsAndStores() {
        TopologyDescription description = describe(CorrelationSettings.defaults());

        assertThat(sourceTopics(description)).containsExactly(
                "correlation-alerts-by-container-repartition", "correlation-alerts-by-rule-repartition",
                "correlation-processes-by-image-repartition", "correlation-stats-by-image-repartition",
                "in.alerts", "in.processes", "in.stats");
        assertThat(stores(description)).containsExactly("correlation-first-seen-store", "correlation-fleet-store",
                "correlation-sequence-store", "correlation-stats-alerted-store", "correlation-stats-baseline-store",
                "correlation-threshold-store");
    }

    @Test
    void withoutSequencesOrThresholdsNothingIsRepartitionedByContainer() {
        CorrelationSettings d = CorrelationSettings.defaults();
        CorrelationSettings none = new CorrelationSettings(List.of(), List.of(), d.firstSeenLearning(),
                d.maxExecutablesPerImage(), d.fleetMinHosts(), d.fleetWindow(), d.statsWarmupSamples(),
                d.statsStddevFactor(), d.statsMinCpuDelta(), d.statsMinMemoryDelta(), d.statsAlertWindow());

        TopologyDescription description = describe(none);

        assertThat(sourceTopics(description)).doesNotContain("correlation-alerts-by-container-repartition")
                .contains("correlation-alerts-by-rule-repartition");
        assertThat(stores(description)).doesNotContain("correlation-sequence-store", "correlation-threshold-store");
    }
}
