package io.palisade.processor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.palisade.schema.serde.DeadLetters;
import io.palisade.schema.serde.UnreadableRecordException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a raw event value inside the topology rather than in the source's serde, because only here are the record's
 * topic, partition and offset at hand to put into its dead letter; a record that cannot be read never stops the
 * stream thread.
 *
 * <p>Decoding in the topology also keeps the dead letter inside the same exactly-once transaction as the consumed
 * offset: the bad record is dead-lettered once, even across a crash.
 */
final class DecodeOrDeadLetter<V> implements FixedKeyProcessor<String, byte[], Decoded<V>> {

    private static final Logger LOG = LoggerFactory.getLogger(DecodeOrDeadLetter.class);

    private final Deserializer<V> deserializer;
    private final Clock clock;
    private FixedKeyProcessorContext<String, Decoded<V>> context;

    DecodeOrDeadLetter(Deserializer<V> deserializer, Clock clock) {
        this.deserializer = deserializer;
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Decoded<V>> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        if (record.value() == null) {
            context.forward(record.withValue(new Decoded.Tombstone<>()));
            return;
        }
        try {
            context.forward(record.withValue(new Decoded.Readable<>(
                    deserializer.deserialize(source.topic(), record.value()))));
        } catch (UnreadableRecordException e) {
            LOG.atWarn().addKeyValue("topic", source.topic()).addKeyValue("partition", source.partition())
                    .addKeyValue("offset", source.offset()).addKeyValue("reason", e.getMessage())
                    .log("unreadable event dead-lettered");
            byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
            context.forward(record.withValue(new Decoded.Unreadable<>(DeadLetters.of(source.topic(), source.partition(),
                    source.offset(), record.timestamp(), key, record.value(), e, clock.instant()))));
        }
    }
}
