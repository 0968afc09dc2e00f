package io.palisade.schema.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.palisade.schema.Samples;
import io.palisade.schema.compat.SchemaCompatibilityCheck;
import io.palisade.schema.serde.AvroSerdes;
import io.palisade.schema.serde.UnreadableRecordException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void namesAreUniqueAndPrefixed() {
        assertThat(Topics.all()).extracting(Topic::name)
                .doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).startsWith("palisade."));
    }

    @Test
    void theInventoryIsCompactedAndEverythingElseExpires() {
        assertThat(Topics.CONTAINER_INVENTORY.cleanup().configs())
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(Topics.all()).filteredOn(topic -> topic != Topics.CONTAINER_INVENTORY)
                .allSatisfy(topic -> assertThat(topic.cleanup()).isInstanceOf(Cleanup.Retention.class));
    }

    @Test
    void everyTopicCarriesOneRecordTypeWhoseHistoryTheBuildChecks() {
        for (Topic<?, ?> topic : Topics.all()) {
            List<SpecificRecord> carried = Samples.all().stream().filter(sample -> readsBack(topic, sample)).toList();

            assertThat(carried).as(topic.name()).singleElement()
                    .satisfies(sample -> assertThat(SchemaCompatibilityCheck.RECORD_TYPES).contains(sample.getClass()));
        }
    }

    @Test
    void retentionBecomesTopicConfig() {
        assertThat(Cleanup.retain(Duration.ofDays(2)).configs()).isEqualTo(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, "172800000"));
    }

    @Test
    void aNameOutsideThePrefixIsRefused() {
        assertThatThrownBy(() -> new Topic<>("events", Serdes.String(), Serdes.String(), 1, Cleanup.compact()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("palisade.");
    }

    @SuppressWarnings("unchecked")
    private static boolean readsBack(Topic<?, ?> topic, SpecificRecord sample) {
        byte[] bytes = AvroSerdes.of((Class<SpecificRecord>) sample.getClass()).serializer().serialize(topic.name(), sample);
        try {
            return sample.equals(topic.valueSerde().deserializer().deserialize(topic.name(), bytes));
        } catch (UnreadableRecordException notThisTopicsType) {
            return false;
        }
    }
}
