package io.palisade.sinks.elasticsearch;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.palisade.schema.Alert;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * The Elasticsearch document of an alert: the alert as it is (its Avro fields already carry ECS names, nested the
 * ECS way), plus {@code @timestamp} (= {@code first_seen}) for Kibana. Absent optional fields are left out rather
 * than written as {@code null}; timestamps are ISO-8601 UTC strings.
 *
 * <p>The walk is generic so the document can never silently lag behind the schema; {@code AlertDocumentTest} proves
 * every field it emits exists in the strict index template.
 */
public final class AlertDocument {

    private AlertDocument() {
    }

    /** The document, as JSON-ready maps, lists, strings and numbers. */
    public static Map<String, Object> of(Alert alert) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@timestamp", alert.getFirstSeen().toString());
        document.putAll(fields(alert));
        return document;
    }

    private static Map<String, Object> fields(IndexedRecord record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = value(record.get(field.pos()));
            if (value != null) {
                fields.put(field.name(), value);
            }
        }
        return fields;
    }

    private static Object value(Object value) {
        return switch (value) {
            case null -> null;
            case IndexedRecord record -> fields(record);
            case List<?> list -> list.stream().map(AlertDocument::value).toList();
            // Label maps: keys as they are, in the template as "flattened", so a key's dots make no sub-objects.
            case Map<?, ?> map -> {
                Map<String, Object> entries = new LinkedHashMap<>();
                map.forEach((key, entry) -> entries.put(key.toString(), value(entry)));
                yield entries;
            }
            case Instant instant -> instant.toString();
            case Number number -> number;
            case Boolean bool -> bool;
            // Strings (Avro Utf8 too) and enum symbols.
            case CharSequence text -> text.toString();
            case Enum<?> symbol -> symbol.name();
            default -> throw new IllegalArgumentException("no document mapping for " + value.getClass().getName());
        };
    }
}
