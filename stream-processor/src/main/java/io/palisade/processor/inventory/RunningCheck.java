package io.palisade.processor.inventory;

import org.apache.kafka.streams.KafkaStreams;

/** Stores are only queryable, and task ownership only known, while the processor is RUNNING. */
final class RunningCheck {

    static final String REBALANCING = "the processor is rebalancing or starting; its state stores are not queryable yet";

    private RunningCheck() {
    }

    static void require(KafkaStreams streams) {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw new InventoryUnavailableException(REBALANCING + " (state " + state + ")");
        }
    }
}
