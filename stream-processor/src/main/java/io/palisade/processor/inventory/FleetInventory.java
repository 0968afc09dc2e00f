package io.palisade.processor.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.palisade.processor.InventoryStores;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The whole fleet's inventory, whichever instance is asked: a list fans out to every instance hosting the store
 * ({@code streamsMetadataForStore}, each known by its {@code application.server}) and merges their local answers; a
 * single container is read from the one instance whose active task holds its key ({@code queryMetadataForKey}).
 */
final class FleetInventory implements Inventory {

    private final KafkaStreams streams;
    private final HostInfo self;
    private final LocalInventory local;
    private final RemoteInventory remote;

    FleetInventory(KafkaStreams streams, HostInfo self, LocalInventory local, RemoteInventory remote) {
        this.streams = streams;
        this.self = self;
        this.local = local;
        this.remote = remote;
    }

    @Override
    public List<ContainerView> containers(ContainerQuery query) {
        return FleetMerge.containers(fanOut(InventoryStores.CONTAINERS,
                instance -> instance.equals(self) ? local.containers(query) : remote.containers(instance, query)));
    }

    @Override
    public Optional<ContainerView> container(String id) {
        RunningCheck.require(streams);
        KeyQueryMetadata owner = streams.queryMetadataForKey(InventoryStores.CONTAINERS, id,
                Serdes.String().serializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new InventoryUnavailableException(RunningCheck.REBALANCING + " (no owner known for the key)");
        }
        HostInfo active = owner.activeHost();
        return active.equals(self) ? local.container(id) : remote.container(active, id);
    }

    @Override
    public List<HostView> hosts(HostQuery query) {
        return FleetMerge.hosts(fanOut(InventoryStores.HOSTS,
                instance -> instance.equals(self) ? local.hosts(query) : remote.hosts(instance, query)));
    }

    private <V> Collection<List<V>> fanOut(String store, Function<HostInfo, List<V>> ask) {
        RunningCheck.require(streams);
        Collection<StreamsMetadata> instances = streams.streamsMetadataForStore(store);
        List<List<V>> answers = new ArrayList<>();
        for (StreamsMetadata instance : instances) {
            answers.add(ask.apply(instance.hostInfo()));
        }
        return answers;
    }
}
