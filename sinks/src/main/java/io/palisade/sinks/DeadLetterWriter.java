package io.palisade.sinks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.palisade.schema.DeadLetter;
import io.palisade.schema.serde.DeadLetters;
import io.palisade.schema.topic.Topic;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes records a sink cannot handle to {@code palisade.deadletter}, keyed by their source topic, with the source
 * partition, offset, raw bytes and the reason. {@link #awaitWritten()} must return before the source offsets are
 * committed, so a record is never both skipped and missing from the dead-letter topic.
 */
final class DeadLetterWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterWriter.class);
    private static final Topic<String, DeadLetter> TOPIC = Topics.DEAD_LETTERS;

    private final String sink;
    private final Clock clock;
    private final KafkaProducer<String, DeadLetter> producer;
    private final List<Future<RecordMetadata>> inFlight = new ArrayList<>();

    DeadLetterWriter(String sink, Map<String, Object> kafkaProperties, Clock clock) {
        this.sink = sink;
        this.clock = clock;
        Map<String, Object> config = new HashMap<>(kafkaProperties);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "palisade-sink-" + sink + "-deadletter");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(config, TOPIC.keySerde().serializer(), TOPIC.valueSerde().serializer());
    }

    /** Sends {@code source} to the dead-letter topic; see {@link #awaitWritten()}. */
    void send(ConsumerRecord<byte[], byte[]> source, String reason, String errorClass, OptionalLong fingerprint) {
        DeadLetter letter = DeadLetters.of(source.topic(), source.partition(), source.offset(), source.timestamp(),
                source.key(), source.value(), reason, errorClass, fingerprint, clock.instant());
        log.atWarn().addKeyValue("sink", sink).addKeyValue("topic", source.topic())
                .addKeyValue("partition", source.partition()).addKeyValue("offset", source.offset())
                .addKeyValue("reason", reason).log("record dead-lettered");
        inFlight.add(producer.send(new ProducerRecord<>(TOPIC.name(), source.topic(), letter)));
    }

    /**
     * Waits until every dead letter sent so far is acknowledged.
     *
     * @throws KafkaException when one could not be written (the producer already retried it until its delivery
     *                        timeout), so the caller must not commit past its source record
     */
    void awaitWritten() {
        try {
            for (Future<RecordMetadata> sent : inFlight) {
                sent.get();
            }
        } catch (ExecutionException e) {
            throw new KafkaException("cannot write to " + TOPIC.name() + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        } finally {
            inFlight.clear();
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
