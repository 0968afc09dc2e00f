package io.palisade.schema.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.palisade.schema.ProcessEvent;
import io.palisade.schema.Samples;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** A consumer upgraded to a newer schema still reads what a not-yet-upgraded collector wrote. */
class SchemaEvolutionTest {

    @Test
    void aReaderOnANewerSchemaReadsRecordsWrittenWithTheCurrentOne() throws IOException {
        Schema next;
        try (InputStream in = getClass().getResourceAsStream("/evolution/ProcessEvent-next.avsc")) {
            next = new Schema.Parser().parse(in);
        }
        ProcessEvent written = Samples.processEvent();
        byte[] bytes = AvroSerializer.forType(ProcessEvent.class).serialize("any", written);
        AvroDeserializer<GenericRecord> newerReader =
                new AvroDeserializer<>(GenericData.get(), next, SchemaHistory.fromClasspath("ProcessEvent"));

        GenericRecord read = newerReader.deserialize("any", bytes);

        GenericRecord process = (GenericRecord) read.get("process");
        assertThat((List<?>) read.get("tags")).as("new top-level field, from its default").isEmpty();
        assertThat(process.get("entity_id")).as("new nested field, from its default").isNull();
        assertThat(process.get("executable")).isEqualTo(written.getProcess().getExecutable());
        assertThat(List.copyOf((List<?>) process.get("args"))).isEqualTo(written.getProcess().getArgs());
        assertThat(((GenericRecord) read.get("event")).get("action").toString()).isEqualTo("EXEC");
        assertThat(((GenericRecord) read.get("event")).get("created")).isEqualTo(written.getEvent().getCreated().toEpochMilli());
    }
}
