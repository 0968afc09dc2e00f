package io.palisade.processor;

import org.apache.avro.specific.SpecificRecord;

/**
 * What the {@link ContainerEnricher} is handed: an event to enrich, or news that the inventory record of a container
 * changed (so the events held back for it can go).
 */
sealed interface EnrichmentInput {

    record Event(SpecificRecord event) implements EnrichmentInput {
    }

    record InventoryChanged() implements EnrichmentInput {
    }
}
