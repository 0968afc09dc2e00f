package io.palisade.processor;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * An event held back until its container's inventory record arrives. It is kept encoded and decoded only when
 * forwarded: the retry punctuation reads every held event each time it runs, and needs only when it was held.
 *
 * @param encodedEvent  the event as {@link ContainerScopedEvents#encode} writes it
 * @param timestamp     its record timestamp, kept for when it is forwarded
 * @param heldSinceMs   wall-clock time it was held back; the wait is measured from here
 */
record PendingEvent(byte[] encodedEvent, long timestamp, long heldSinceMs) {

    PendingEvent(SpecificRecord event, long timestamp, long heldSinceMs) {
        this(ContainerScopedEvents.encode(event), timestamp, heldSinceMs);
    }

    SpecificRecord event() {
        return ContainerScopedEvents.decode(encodedEvent);
    }

    static Serde<PendingEvent> serde() {
        return Serdes.serdeFrom((topic, pending) -> ByteBuffer.allocate(16 + pending.encodedEvent().length)
                .putLong(pending.timestamp()).putLong(pending.heldSinceMs()).put(pending.encodedEvent()).array(),
                (topic, bytes) -> {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    return new PendingEvent(Arrays.copyOfRange(bytes, 16, bytes.length), buffer.getLong(),
                            buffer.getLong());
                });
    }
}
