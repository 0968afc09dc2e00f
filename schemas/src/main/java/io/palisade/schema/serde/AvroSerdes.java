package io.palisade.schema.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Kafka serdes for the generated Palisade records. Most code gets them through {@code Topics} instead. */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    /**
     * A serde writing {@code type}'s current schema and reading every version kept in its history.
     *
     * <p>Its deserializer throws only {@link UnreadableRecordException}.
     */
    public static <T extends SpecificRecord> Serde<T> of(Class<T> type) {
        return Serdes.serdeFrom(AvroSerializer.forType(type), AvroDeserializer.forType(type));
    }
}
