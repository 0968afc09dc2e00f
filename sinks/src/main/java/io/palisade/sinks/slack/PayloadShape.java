package io.palisade.sinks.slack;

import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The shape of a JSON payload, without its content: keys, types, string lengths and array sizes, e.g.
 * {@code {text:string(52),attachments:array(1)[{color:string(7),blocks:array(6)[...]}]}}. A dead letter for a
 * message Slack rejected carries this, so the cause can be found without copying alert text (or anything secret a
 * command line may hold) into another topic.
 */
final class PayloadShape {

    static final int MAX_LENGTH = 2000;

    private PayloadShape() {
    }

    static String of(String json) {
        String shape;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            shape = of(reader.readValue());
        } catch (JsonException e) {
            shape = "not JSON (" + json.length() + " characters)";
        }
        return shape.length() <= MAX_LENGTH ? shape : shape.substring(0, MAX_LENGTH - 1) + "…";
    }

    private static String of(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                StringJoiner fields = new StringJoiner(",", "{", "}");
                for (Map.Entry<String, JsonValue> field : ((JsonObject) value).entrySet()) {
                    fields.add(field.getKey() + ":" + of(field.getValue()));
                }
                yield fields.toString();
            }
            case ARRAY -> {
                // Each distinct element shape once: 50 alike blocks would otherwise drown the rest.
                JsonArray array = (JsonArray) value;
                Set<String> elements = new LinkedHashSet<>();
                array.forEach(element -> elements.add(of(element)));
                yield "array(" + array.size() + ")[" + String.join("|", elements) + "]";
            }
            case STRING -> "string(" + ((JsonString) value).getString().length() + ")";
            case NUMBER -> "number";
            case TRUE, FALSE -> "boolean";
            case NULL -> "null";
        };
    }
}
