package io.palisade.processor.correlation;

import java.util.Set;
import java.util.function.Supplier;

import io.palisade.schema.Alert;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * A correlation processor together with the stores it uses, so adding it to a topology also adds its stores. Every
 * store is persistent and changelogged (Kafka Streams' default), so state survives crashes and rebalances.
 */
record CorrelationSupplier<V>(Supplier<Processor<String, V, String, Alert>> factory, Set<StoreBuilder<?>> stores)
        implements ProcessorSupplier<String, V, String, Alert> {

    @Override
    public Processor<String, V, String, Alert> get() {
        return factory.get();
    }

    /** A persistent, changelogged key-value store with string keys. */
    static <T> StoreBuilder<KeyValueStore<String, T>> store(String name, Serde<T> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }
}
