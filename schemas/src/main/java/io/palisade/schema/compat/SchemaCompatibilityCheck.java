package io.palisade.schema.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.palisade.schema.Alert;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.ContainerStats;
import io.palisade.schema.DeadLetter;
import io.palisade.schema.FileEvent;
import io.palisade.schema.HostEvent;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.serde.SchemaHistory;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaFormatter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The build gate on schema evolution, run by Maven in {@code process-classes} so it holds even with
 * {@code -DskipTests}.
 *
 * <p>Kafka keeps what old collectors wrote, and collectors are upgraded host by host, so a consumer must always read
 * every schema version ever released. For every record type this check fails the build when
 * <ul>
 *   <li>the current schema cannot read a version kept in {@link SchemaHistory} (Avro's reader/writer rules: e.g. a
 *       new field without a default, a changed type, a removed enum symbol), or</li>
 *   <li>the current schema is not the latest recorded version, so the released jar would not know its own history.</li>
 * </ul>
 *
 * <p>Usage: {@code SchemaCompatibilityCheck check|record <history directory>}. {@code record} writes the current
 * schema as the next version of each record type that changed, after the same compatibility check; from the repo
 * root that is {@value #RECORD_COMMAND}.
 */
public final class SchemaCompatibilityCheck {

    /** Every record type Palisade writes to Kafka: each one has a kept history. */
    public static final List<Class<? extends SpecificRecord>> RECORD_TYPES = List.of(
            ProcessEvent.class, FileEvent.class, ContainerEvent.class, ContainerStats.class, HostEvent.class,
            Alert.class, DeadLetter.class);

    static final String RECORD_COMMAND = "./mvnw -q -pl schemas process-classes -Dpalisade.schemas.mode=record";

    /** What the check does besides checking. */
    public enum Mode {
        /** Only check; fail on any problem. */
        CHECK,
        /** Check compatibility, then record every schema that is not yet in history. */
        RECORD
    }

    private SchemaCompatibilityCheck() {
    }

    /**
     * @param args {@code check} or {@code record}, then the history directory (the source folder, not the copy on
     *             the classpath, so a version deleted by mistake is noticed at once)
     * @throws IllegalStateException listing every problem, which fails the Maven build
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SchemaCompatibilityCheck check|record <history directory>");
        }
        Mode mode = Mode.valueOf(args[0].toUpperCase(Locale.ROOT));
        List<Schema> schemas = RECORD_TYPES.stream().map(type -> SpecificData.get().getSchema(type)).toList();
        Outcome outcome = run(mode, Path.of(args[1]), schemas);
        outcome.recorded().forEach(file -> System.out.println("Recorded " + file + " (commit it)"));
        if (!outcome.problems().isEmpty()) {
            throw new IllegalStateException(
                    "Schema compatibility check failed:\n  " + String.join("\n  ", outcome.problems()));
        }
    }

    /**
     * What a run found and did.
     *
     * @param problems every problem, for a person; empty when the build may go on
     * @param recorded history files written in {@link Mode#RECORD}
     */
    public record Outcome(List<String> problems, List<Path> recorded) {
    }

    /** Checks (and in {@link Mode#RECORD} records) each schema against its history under {@code root}. */
    public static Outcome run(Mode mode, Path root, List<Schema> schemas) {
        List<String> problems = new ArrayList<>();
        for (Schema schema : schemas) {
            problems.addAll(incompatibilities(schema, SchemaHistory.fromDirectory(root, schema.getName())));
        }
        if (!problems.isEmpty()) {
            return new Outcome(problems, List.of());
        }
        List<Path> recorded = new ArrayList<>();
        for (Schema schema : schemas) {
            List<Schema> history = SchemaHistory.fromDirectory(root, schema.getName());
            if (isRecorded(schema, history)) {
                continue;
            }
            Path next = root.resolve(SchemaHistory.relativePath(schema.getName(), history.size() + 1));
            if (mode == Mode.RECORD) {
                write(next, schema);
                recorded.add(next);
            } else {
                problems.add(schema.getName() + ": the current schema is not recorded in history ("
                        + (history.isEmpty() ? "no version yet" : "latest is v" + history.size())
                        + "). If the change is intended, record it with: " + RECORD_COMMAND
                        + "  (writes " + next + "; commit it)");
            }
        }
        return new Outcome(problems, recorded);
    }

    /** Why {@code current} cannot read data written with each version of {@code history}; empty if it can. */
    public static List<String> incompatibilities(Schema current, List<Schema> history) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            SchemaCompatibility.SchemaPairCompatibility pair =
                    SchemaCompatibility.checkReaderWriterCompatibility(current, history.get(i));
            for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
                problems.add(String.format("%s cannot read v%d: %s at %s (%s)", current.getName(), i + 1,
                        incompatibility.getType(), incompatibility.getLocation(), incompatibility.getMessage()));
            }
        }
        return problems;
    }

    /** Whether {@code current} is the latest version kept, defaults and all. */
    public static boolean isRecorded(Schema current, List<Schema> history) {
        return !history.isEmpty() && history.getLast().equals(current);
    }

    private static void write(Path file, Schema schema) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, SchemaFormatter.format("json/pretty", schema) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record " + file, e);
        }
    }
}
