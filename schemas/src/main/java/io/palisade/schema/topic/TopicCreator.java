package io.palisade.schema.topic;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics that do not exist yet, with their partitions and cleanup policy, and leaves existing ones alone,
 * so every process can call it at start and the quickstart needs no separate setup step. Topics that already exist
 * are not altered: changing a live topic's layout is an operator's decision.
 */
public final class TopicCreator {

    private TopicCreator() {
    }

    /**
     * Creates the missing topics with the broker's default replication factor.
     *
     * @return names of the topics this call created
     * @throws KafkaException when a topic could neither be created nor found to exist
     */
    public static Set<String> ensure(Admin admin, Collection<? extends Topic<?, ?>> topics) {
        return create(admin, topics, Optional.empty());
    }

    /**
     * Creates the missing topics with {@code replicationFactor} replicas (1 on a single-broker dev stack, usually 3
     * in production).
     *
     * @return names of the topics this call created
     * @throws KafkaException when a topic could neither be created nor found to exist
     */
    public static Set<String> ensure(Admin admin, Collection<? extends Topic<?, ?>> topics, short replicationFactor) {
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1, not " + replicationFactor);
        }
        return create(admin, topics, Optional.of(replicationFactor));
    }

    private static Set<String> create(Admin admin, Collection<? extends Topic<?, ?>> topics,
                                      Optional<Short> replicationFactor) {
        List<NewTopic> requests = topics.stream()
                .map(topic -> new NewTopic(topic.name(), Optional.of(topic.partitions()), replicationFactor)
                        .configs(topic.cleanup().configs()))
                .toList();
        Map<String, KafkaFuture<Void>> results = admin.createTopics(requests).values();
        Set<String> created = new LinkedHashSet<>();
        for (NewTopic request : requests) {
            if (awaitCreated(request.name(), results.get(request.name()))) {
                created.add(request.name());
            }
        }
        return created;
    }

    /** @return true if created, false if it already existed */
    private static boolean awaitCreated(String name, KafkaFuture<Void> result) {
        try {
            result.get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new KafkaException("cannot create topic " + name + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }
}
