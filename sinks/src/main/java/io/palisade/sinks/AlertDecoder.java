package io.palisade.sinks;

import java.util.OptionalLong;

import io.palisade.schema.Alert;
import io.palisade.schema.serde.UnreadableRecordException;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns a raw record of {@code palisade.alerts} into a {@link PolledRecord}: decodes the Avro alert and applies the
 * sink's severity and tag filters once, here.
 *
 * <p>Records are read as bytes and decoded here rather than by the consumer, so an unreadable record becomes one
 * dead letter with its exact bytes inside an otherwise normal batch, and the loop simply goes on past it.
 */
final class AlertDecoder {

    private final Deserializer<Alert> decoder = Topics.ALERTS.valueSerde().deserializer();
    private final SeverityFilter severity;
    private final TagFilter tags;

    AlertDecoder(SeverityFilter severity, TagFilter tags) {
        this.severity = severity;
        this.tags = tags;
    }

    PolledRecord decode(ConsumerRecord<byte[], byte[]> record) {
        Alert alert;
        try {
            alert = decoder.deserialize(record.topic(), record.headers(), record.value());
        } catch (UnreadableRecordException e) {
            return new PolledRecord.Unreadable(record, e.reason(), e.getClass().getName(), e.fingerprint());
        }
        if (alert == null) {
            return new PolledRecord.Unreadable(record, "null value: " + Topics.ALERTS.name() + " carries no deletions",
                    NullPointerException.class.getName(), OptionalLong.empty());
        }
        if (severity.accepts(alert) && tags.accepts(alert)) {
            return new PolledRecord.Accepted(new SinkRecord(alert, record));
        }
        return new PolledRecord.Filtered(record);
    }
}
