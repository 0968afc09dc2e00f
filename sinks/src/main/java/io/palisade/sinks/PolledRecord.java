package io.palisade.sinks;

import java.util.OptionalLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record read from {@code palisade.alerts}, decoded and judged as soon as it is polled (while the previous batch
 * is still being written): to be written, skipped by the sink's filters, or dead-lettered as unreadable. Each keeps
 * its source record, so the batch knows which offsets it covers whatever became of the record.
 */
sealed interface PolledRecord {

    ConsumerRecord<byte[], byte[]> source();

    /** An alert the sink's filters let through. */
    record Accepted(SinkRecord record) implements PolledRecord {
        @Override
        public ConsumerRecord<byte[], byte[]> source() {
            return record.source();
        }
    }

    /** An alert below the sink's minimum severity or rejected by its tag filter. */
    record Filtered(ConsumerRecord<byte[], byte[]> source) implements PolledRecord {
    }

    /**
     * A record that is no alert, for the dead-letter topic.
     *
     * @param reason      why, for a person
     * @param errorClass  the exception class that says so
     * @param fingerprint the schema fingerprint the record named, when it named one
     */
    record Unreadable(ConsumerRecord<byte[], byte[]> source, String reason, String errorClass,
                      OptionalLong fingerprint) implements PolledRecord {
    }
}
