package io.palisade.processor.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import io.palisade.processor.InventoryStores;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.HostEvent;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * What this instance's own (active) partitions of {@link InventoryStores#CONTAINERS} and {@link InventoryStores#HOSTS}
 * hold: a part of the fleet, the part this instance answers for when another instance fans a query out.
 */
final class LocalInventory implements Inventory {

    private final KafkaStreams streams;

    LocalInventory(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public List<ContainerView> containers(ContainerQuery query) {
        return scan(InventoryStores.CONTAINERS, ContainerEvent.class, ContainerView::of, query::matches);
    }

    @Override
    public Optional<ContainerView> container(String id) {
        return read(() -> Optional.ofNullable(this.<ContainerEvent>store(InventoryStores.CONTAINERS).get(id))
                .map(ContainerView::of));
    }

    @Override
    public List<HostView> hosts(HostQuery query) {
        return scan(InventoryStores.HOSTS, HostEvent.class, HostView::of, query::matches);
    }

    private <R, V> List<V> scan(String storeName, Class<R> type, Function<R, V> view, Predicate<V> wanted) {
        return read(() -> {
            List<V> found = new ArrayList<>();
            try (KeyValueIterator<String, R> all = this.<R>store(storeName).all()) {
                while (all.hasNext()) {
                    KeyValue<String, R> entry = all.next();
                    V v = view.apply(type.cast(entry.value));
                    if (wanted.test(v)) {
                        found.add(v);
                    }
                }
            }
            return found;
        });
    }

    private <R> ReadOnlyKeyValueStore<String, R> store(String name) {
        RunningCheck.require(streams);
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, R>keyValueStore()));
    }

    /** A store that moves away during the read (a rebalance began) is the same situation as one not yet there. */
    private static <T> T read(java.util.function.Supplier<T> reading) {
        try {
            return reading.get();
        } catch (InvalidStateStoreException e) {
            throw new InventoryUnavailableException(RunningCheck.REBALANCING + " (" + e.getMessage() + ")", e);
        }
    }
}
