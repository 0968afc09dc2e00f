package io.palisade.collector;

import io.palisade.schema.topic.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.LoggerFactory;

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

    /**
     * Reports that {@code source} failed to observe something (a back end error, an unreadable file, ...), so it is
     * counted in the collector's metrics; the source carries on. Implementations other than the publisher just log.
     */
    default void sourceError(String source, Throwable error) {
        LoggerFactory.getLogger(EventSink.class).atWarn().setMessage("Source error").addKeyValue("source", source)
                .addKeyValue("error", error.toString()).log();
    }
}
