package io.palisade.processor;

/**
 * Names of the inventory state stores the processor keeps, for interactive queries (e.g. a fleet inventory
 * endpoint): {@code streams.store(StoreQueryParameters.fromNameAndType(InventoryStores.CONTAINERS,
 * QueryableStoreTypes.keyValueStore()))}. Both are partitioned like their topics, so each instance holds the
 * containers and hosts of its own partitions; {@code KafkaStreams.queryMetadataForKey} says which instance has a key.
 */
public final class InventoryStores {

    /**
     * Latest {@code ContainerEvent} per container id, from palisade.inventory.containers (a
     * {@code KeyValueStore<String, ContainerEvent>}); a destroyed container is gone.
     */
    public static final String CONTAINERS = "palisade-inventory-containers";

    /**
     * Latest {@code HostEvent} per host id, from palisade.events.host (a {@code KeyValueStore<String, HostEvent>}):
     * each host's last heartbeat, with its posture.
     */
    public static final String HOSTS = "palisade-inventory-hosts";

    private InventoryStores() {
    }
}
