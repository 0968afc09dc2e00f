package io.palisade.collector.publish;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.palisade.collector.EventSink;
import io.palisade.schema.topic.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what the sources observe to Kafka with one idempotent producer shared by every source and topic; the
 * topic's own serdes encode key and value, so any {@code palisade.*} topic of {@code Topics} may be written (today:
 * palisade.events.container and palisade.inventory.containers).
 *
 * <p>A record Kafka could not take within {@code max.block.ms}, or could not deliver within the producer's delivery
 * timeout, is dropped, logged and counted rather than retried here: until the disk spool exists, losing an event
 * during a long outage is preferred over stalling the host's sources.
 */
public final class KafkaEventPublisher implements EventSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventPublisher.class);
    private static final Duration CLOSE_FLUSH_TIMEOUT = Duration.ofSeconds(10);

    private final Producer<byte[], byte[]> producer;
    private final AtomicLong dropped = new AtomicLong();

    public KafkaEventPublisher(String bootstrapServers, String clientId, Duration maxBlock) {
        this.producer = new KafkaProducer<>(ProducerSettings.of(bootstrapServers, clientId, maxBlock),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public <V extends SpecificRecord> void publish(Topic<String, V> topic, String key, V value) {
        byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] valueBytes = value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value);
        try {
            producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes), (metadata, error) -> {
                if (error != null) {
                    drop(topic, key, error);
                }
            });
        } catch (KafkaException e) {
            drop(topic, key, e);
        }
    }

    /** Records given up on since start. */
    public long droppedCount() {
        return dropped.get();
    }

    /** Delivers what is still buffered, waiting up to ten seconds, then closes the producer. */
    @Override
    public void close() {
        producer.close(CLOSE_FLUSH_TIMEOUT);
    }

    private void drop(Topic<?, ?> topic, String key, Exception error) {
        long total = dropped.incrementAndGet();
        LOG.atWarn().setMessage("Event not delivered to Kafka; dropped")
                .addKeyValue("topic", topic.name()).addKeyValue("key", key)
                .addKeyValue("droppedTotal", total).addKeyValue("error", error.toString()).log();
    }
}
