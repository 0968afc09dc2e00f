package io.palisade.rules;

import java.util.Optional;

import io.palisade.schema.ContainerPosture;
import org.apache.avro.specific.SpecificRecord;

/**
 * What one evaluation sees: one event and its enrichment, handed in per record by the stream processor, which owns
 * all state. Nothing here outlives the call.
 *
 * @param event a ProcessEvent, FileEvent, ContainerEvent, ContainerStats or HostEvent
 * @param posture the current posture of the event's container, from the inventory table, when known
 */
public record Facts(SpecificRecord event, Optional<ContainerPosture> posture) {

    public static Facts of(SpecificRecord event) {
        return new Facts(event, Optional.empty());
    }

    public Facts withPosture(ContainerPosture containerPosture) {
        return new Facts(event, Optional.of(containerPosture));
    }
}
