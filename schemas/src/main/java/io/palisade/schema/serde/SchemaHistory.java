package io.palisade.schema.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.SchemaParser;

/**
 * Every version of a record's schema that was ever released, oldest first.
 *
 * <p>Data written by an older collector stays in Kafka (and in collector spools) after an upgrade, so a reader must
 * know every writer schema it may meet. Each version is kept as a full, self-contained schema at
 * {@code io/palisade/schema/history/<RecordName>/v<N>.avsc}, numbered from 1 without gaps; a version, once recorded,
 * is never edited. The serde reads them from the classpath; the build's compatibility check reads them from the
 * source tree, where {@link io.palisade.schema.compat.SchemaCompatibilityCheck} also records new ones.
 */
public final class SchemaHistory {

    /** Classpath folder of the history, also its location under {@code src/main/resources}. */
    public static final String RESOURCE_ROOT = "io/palisade/schema/history";

    private SchemaHistory() {
    }

    /** The versions packaged with this module, as the serdes see them. */
    public static List<Schema> fromClasspath(String recordName) {
        return read(recordName, relative -> {
            String resource = RESOURCE_ROOT + "/" + relative;
            try (InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(resource)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        });
    }

    /** The versions kept in a history folder laid out like {@link #RESOURCE_ROOT}. */
    public static List<Schema> fromDirectory(Path root, String recordName) {
        return read(recordName, relative -> {
            Path file = root.resolve(relative);
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        });
    }

    /** Where version {@code version} of {@code recordName} lives, relative to the history root. */
    public static String relativePath(String recordName, int version) {
        return recordName + "/v" + version + ".avsc";
    }

    private static List<Schema> read(String recordName, Source source) {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            String relative = relativePath(recordName, version);
            Optional<String> text;
            try {
                text = source.text(relative);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema history " + relative, e);
            }
            if (text.isEmpty()) {
                return List.copyOf(versions);
            }
            try {
                versions.add(SchemaParser.parseSingle(text.get()));
            } catch (SchemaParseException e) {
                throw new IllegalStateException("schema history " + relative + " is not a valid Avro schema", e);
            }
        }
    }

    @FunctionalInterface
    private interface Source {
        Optional<String> text(String relative) throws IOException;
    }
}
