package io.palisade.processor;

import java.nio.ByteBuffer;

import io.palisade.schema.Container;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.ContainerStats;
import io.palisade.schema.FileEvent;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.topic.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The event kinds that may concern a container and are enriched from the inventory: process, file and stats events.
 * One place knows how to read their container, replace it with the inventory's, and encode any of them in one
 * serde (a one-byte kind tag, then the kind's own Avro single-object encoding) for repartition topics and stores.
 */
final class ContainerScopedEvents {

    private static final byte PROCESS = 1;
    private static final byte FILE = 2;
    private static final byte STATS = 3;
    private static final String CONTAINER_FIELD = "container";

    private ContainerScopedEvents() {
    }

    /** The event's container, or null for an event of the host itself. */
    static Container containerOf(SpecificRecord event) {
        return switch (event) {
            case ProcessEvent e -> e.getContainer();
            case FileEvent e -> e.getContainer();
            case ContainerStats e -> e.getContainer();
            default -> throw notScoped(event);
        };
    }

    /**
     * The event with its container identity (name, image name and digest) taken from the inventory record, which the
     * collector read from {@code docker inspect}, over whatever the event's own collector knew (often the id only,
     * from a cgroup path).
     */
    static SpecificRecord withContainer(SpecificRecord event, ContainerEvent inventory) {
        Container known = inventory.getContainer();
        // In place: the event was decoded for this stream alone, and a builder would deep-copy all of it per event.
        switch (event) {
            case ProcessEvent e -> e.put(CONTAINER_FIELD, known);
            case FileEvent e -> e.put(CONTAINER_FIELD, known);
            case ContainerStats e -> e.put(CONTAINER_FIELD, known);
            default -> throw notScoped(event);
        }
        return event;
    }

    static Serde<SpecificRecord> serde() {
        return Serdes.serdeFrom((topic, event) -> event == null ? null : encode(event), (topic, bytes) -> bytes == null
                ? null : decode(bytes));
    }

    static byte[] encode(SpecificRecord event) {
        byte[] body = switch (event) {
            case ProcessEvent e -> Topics.PROCESS_EVENTS.valueSerde().serializer().serialize("", e);
            case FileEvent e -> Topics.FILE_EVENTS.valueSerde().serializer().serialize("", e);
            case ContainerStats e -> Topics.CONTAINER_STATS.valueSerde().serializer().serialize("", e);
            default -> throw notScoped(event);
        };
        byte kind = switch (event) {
            case ProcessEvent e -> PROCESS;
            case FileEvent e -> FILE;
            default -> STATS;
        };
        return ByteBuffer.allocate(1 + body.length).put(kind).put(body).array();
    }

    static SpecificRecord decode(byte[] bytes) {
        byte[] body = new byte[bytes.length - 1];
        System.arraycopy(bytes, 1, body, 0, body.length);
        return switch (bytes[0]) {
            case PROCESS -> Topics.PROCESS_EVENTS.valueSerde().deserializer().deserialize("", body);
            case FILE -> Topics.FILE_EVENTS.valueSerde().deserializer().deserialize("", body);
            case STATS -> Topics.CONTAINER_STATS.valueSerde().deserializer().deserialize("", body);
            default -> throw new IllegalArgumentException("unknown event kind tag " + bytes[0]);
        };
    }

    private static IllegalArgumentException notScoped(SpecificRecord event) {
        return new IllegalArgumentException("not a process, file or stats event: " + event.getSchema().getFullName());
    }
}
