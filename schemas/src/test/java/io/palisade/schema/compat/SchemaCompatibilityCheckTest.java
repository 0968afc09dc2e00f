package io.palisade.schema.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import io.palisade.schema.compat.SchemaCompatibilityCheck.Mode;
import io.palisade.schema.compat.SchemaCompatibilityCheck.Outcome;
import io.palisade.schema.serde.SchemaHistory;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCompatibilityCheckTest {

    private static final Schema V1 = parse("/compat/Thing-v1.avsc");
    private static final Schema WITH_DEFAULT = parse("/compat/Thing-added-field-with-default.avsc");
    private static final Schema WITHOUT_DEFAULT = parse("/compat/Thing-added-field-without-default.avsc");
    private static final Schema TYPE_CHANGED = parse("/compat/Thing-type-changed.avsc");

    @TempDir
    Path history;

    @Test
    void acceptsANewFieldWithADefault() {
        assertThat(SchemaCompatibilityCheck.incompatibilities(WITH_DEFAULT, List.of(V1))).isEmpty();
    }

    @Test
    void rejectsANewFieldWithoutADefault() {
        assertThat(SchemaCompatibilityCheck.incompatibilities(WITHOUT_DEFAULT, List.of(V1)))
                .singleElement().asString()
                .contains("Thing cannot read v1", "READER_FIELD_MISSING_DEFAULT_VALUE", "owner");
    }

    @Test
    void rejectsAChangedType() {
        assertThat(SchemaCompatibilityCheck.incompatibilities(TYPE_CHANGED, List.of(V1)))
                .singleElement().asString()
                .contains("Thing cannot read v1", "TYPE_MISMATCH", "/fields/1/type");
    }

    @Test
    void checksAgainstEveryKeptVersionNotOnlyTheLatest() {
        assertThat(SchemaCompatibilityCheck.incompatibilities(TYPE_CHANGED, List.of(V1, TYPE_CHANGED)))
                .singleElement().asString().contains("v1");
    }

    @Test
    void failsWhenTheCurrentSchemaIsNotRecordedAndSaysHowToRecordIt() {
        record(V1);

        assertThat(SchemaCompatibilityCheck.run(Mode.CHECK, history, List.of(WITH_DEFAULT)).problems())
                .singleElement().asString()
                .contains("not recorded", "latest is v1", SchemaCompatibilityCheck.RECORD_COMMAND,
                        history.resolve("Thing/v2.avsc").toString());
    }

    @Test
    void recordingWritesTheNextVersionAfterWhichTheCheckPasses() {
        record(V1);

        Outcome outcome = SchemaCompatibilityCheck.run(Mode.RECORD, history, List.of(WITH_DEFAULT));

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.recorded()).containsExactly(history.resolve("Thing/v2.avsc"));
        assertThat(SchemaHistory.fromDirectory(history, "Thing")).containsExactly(V1, WITH_DEFAULT);
        assertThat(SchemaCompatibilityCheck.run(Mode.CHECK, history, List.of(WITH_DEFAULT)))
                .isEqualTo(new Outcome(List.of(), List.of()));
    }

    @Test
    void refusesToRecordAnIncompatibleSchema() {
        record(V1);

        Outcome outcome = SchemaCompatibilityCheck.run(Mode.RECORD, history, List.of(WITHOUT_DEFAULT));

        assertThat(outcome.problems()).isNotEmpty();
        assertThat(outcome.recorded()).isEmpty();

        assertThat(SchemaHistory.fromDirectory(history, "Thing")).containsExactly(V1);
    }

    @Test
    void theEvolutionTestsNewerProcessEventIsACompatibleChange() {
        assertThat(SchemaCompatibilityCheck.incompatibilities(
                parse("/evolution/ProcessEvent-next.avsc"), SchemaHistory.fromClasspath("ProcessEvent"))).isEmpty();
    }

    private void record(Schema schema) {
        assertThat(SchemaCompatibilityCheck.run(Mode.RECORD, history, List.of(schema)).recorded())
                .containsExactly(history.resolve("Thing/v1.avsc"));
    }

    private static Schema parse(String resource) {
        try (InputStream in = SchemaCompatibilityCheckTest.class.getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
