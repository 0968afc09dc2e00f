package io.palisade.sinks;

import io.palisade.schema.Alert;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * An alert with the Kafka record it was read from: sinks write the alert, and the runner needs the source (topic,
 * partition, offset, raw bytes) to dead-letter the record and to commit past it.
 *
 * @param alert  the decoded alert
 * @param source the record as read from {@code palisade.alerts}, bytes untouched
 */
public record SinkRecord(Alert alert, ConsumerRecord<byte[], byte[]> source) {
}
