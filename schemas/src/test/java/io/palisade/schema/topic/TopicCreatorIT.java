package io.palisade.schema.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** TopicCreator against a real broker: the layout it asks for is the layout the broker has. */
@ExtendWith(DevStackExtension.class)
class TopicCreatorIT {

    @Test
    void createsEveryTopicOnceWithItsPartitionsAndCleanupPolicy(KafkaBroker kafka) throws Exception {
        try (Admin admin = admin(kafka)) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);

            assertThat(TopicCreator.ensure(admin, Topics.all(), (short) 1)).as("second call creates nothing").isEmpty();
            for (Topic<?, ?> topic : Topics.all()) {
                TopicDescription description = admin.describeTopics(List.of(topic.name())).allTopicNames().get()
                        .get(topic.name());
                assertThat(description.partitions()).as(topic.name()).hasSize(topic.partitions());
            }
            assertThat(cleanupPolicy(admin, Topics.CONTAINER_INVENTORY)).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(cleanupPolicy(admin, Topics.ALERTS)).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
        }
    }

    @Test
    void namesTheTopicItCannotCreate(KafkaBroker kafka) {
        Topic<?, ?> unplaceable = new Topic<>("palisade.it.three-replicas", Topics.ALERTS.keySerde(),
                Topics.ALERTS.valueSerde(), 1, Topics.ALERTS.cleanup());
        try (Admin admin = admin(kafka)) {
            assertThatThrownBy(() -> TopicCreator.ensure(admin, List.of(unplaceable), (short) 3))
                    .isInstanceOf(KafkaException.class)
                    .hasMessageContaining("palisade.it.three-replicas");
        }
    }

    private static String cleanupPolicy(Admin admin, Topic<?, ?> topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        return config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }

    private static Admin admin(KafkaBroker kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
