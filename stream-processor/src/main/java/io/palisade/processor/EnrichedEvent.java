package io.palisade.processor;

import java.util.Optional;

import io.palisade.rules.Facts;
import io.palisade.schema.ContainerPosture;
import org.apache.avro.specific.SpecificRecord;

/**
 * An event ready for the rules: its container identity filled from the inventory, the container's posture beside it,
 * and whether the inventory record was still missing when the wait for it ran out.
 *
 * @param event             the event, its container replaced by the inventory's when known
 * @param posture           the container's posture from the inventory, when known
 * @param inventoryMissing  true when the event concerns a container the inventory did not know within the wait
 */
record EnrichedEvent(SpecificRecord event, Optional<ContainerPosture> posture, boolean inventoryMissing) {

    static EnrichedEvent asIs(SpecificRecord event) {
        return new EnrichedEvent(event, Optional.empty(), false);
    }

    Facts facts() {
        Facts facts = Facts.of(event);
        return posture.map(facts::withPosture).orElse(facts);
    }
}
