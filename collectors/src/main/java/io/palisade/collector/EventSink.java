package io.palisade.collector;

import io.palisade.schema.topic.Topic;
import org.apache.avro.specific.SpecificRecord;

/**
 * Where sources put their events. Implementations never block a caller indefinitely and never throw for a delivery
 * problem: a source must keep observing even when Kafka is away.
 */
public interface EventSink {

    /**
     * Hands one record over for delivery to {@code topic}.
     *
     * @param key   the container id for container events, the host id otherwise, so Kafka keeps their order
     * @param value the event, or {@code null} for a tombstone on a compacted topic
     */
    <V extends SpecificRecord> void publish(Topic<String, V> topic, String key, V value);
}
