package io.palisade.processor;

import java.nio.ByteBuffer;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * An event held back until its container's inventory record arrives.
 *
 * @param event         the event as it came
 * @param timestamp     its record timestamp, kept for when it is forwarded
 * @param heldSinceMs   wall-clock time it was held back; the wait is measured from here
 */
record PendingEvent(SpecificRecord event, long timestamp, long heldSinceMs) {

    static Serde<PendingEvent> serde() {
        return Serdes.serdeFrom((topic, pending) -> {
            byte[] event = ContainerScopedEvents.encode(pending.event());
            return ByteBuffer.allocate(16 + event.length).putLong(pending.timestamp()).putLong(pending.heldSinceMs())
                    .put(event).array();
        }, (topic, bytes) -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long timestamp = buffer.getLong();
            long heldSince = buffer.getLong();
            byte[] event = new byte[buffer.remaining()];
            buffer.get(event);
            return new PendingEvent(ContainerScopedEvents.decode(event), timestamp, heldSince);
        });
    }
}
