package io.palisade.runtime.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;

/**
 * Turns every key or value Jackson cannot map into one problem sentence naming the key, and lets reading go on with
 * the setting's default, so that one run reports every mistake in the file instead of the first.
 */
final class ProblemCollector extends DeserializationProblemHandler {

    private final List<String> problems = new ArrayList<>();

    List<String> problems() {
        return problems;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws IOException {
        problems.add(enclosingKey(ctxt, p) + propertyName + " is not a known setting");
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                         String failureMsg) {
        problems.add(key(ctxt.getParser().getParsingContext()) + ": cannot read \"" + valueToConvert + "\" as "
                + describe(targetType) + (failureMsg == null ? "" : " (" + failureMsg + ")"));
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                         String failureMsg) {
        problems.add(key(ctxt.getParser().getParsingContext()) + ": cannot read " + valueToConvert + " as "
                + describe(targetType));
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                        String failureMsg) throws IOException {
        problems.add(key(p.getParsingContext()) + ": expected " + describe(targetType.getRawClass()) + ", got "
                + found(t));
        p.skipChildren();
        return null;
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                            ValueInstantiator valueInsta, JsonParser p, String msg) throws IOException {
        problems.add(key(p.getParsingContext()) + ": expected " + describe(instClass) + ", got "
                + found(p.currentToken()));
        p.skipChildren();
        return null;
    }

    @Override
    public Object handleInstantiationProblem(DeserializationContext ctxt, Class<?> instClass, Object argument,
                                             Throwable t) {
        problems.add(key(ctxt.getParser().getParsingContext()) + ": " + t.getMessage());
        return null;
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> c.toString().toLowerCase()).toList();
        }
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "a section (key: value lines)";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return switch (type.getSimpleName()) {
            case "Boolean", "boolean" -> "true or false";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Duration" -> "a duration";
            case "Path" -> "a path";
            default -> "a " + type.getSimpleName().toLowerCase();
        };
    }

    private static String found(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "a section";
            case START_ARRAY -> "a list";
            case VALUE_NULL -> "null";
            default -> "a single value";
        };
    }

    /**
     * The key of the section holding an unknown property, with a trailing dot. Records are read through a buffer
     * whose positions are not the file's; the main parser has then read the whole section and stands at its end.
     */
    private static String enclosingKey(DeserializationContext ctxt, JsonParser p) {
        JsonParser main = ctxt.getParser();
        String key;
        if (main != p) {
            key = key(main.getParsingContext());
        } else {
            JsonStreamContext context = p.getParsingContext();
            if (p.currentToken() != null && p.currentToken().isStructStart()) {
                context = context.getParent();
            }
            key = key(context.getParent());
        }
        return key.isEmpty() ? "" : key + ".";
    }

    /** The dotted configuration key of the parser's position, e.g. {@code sources.file.paths}. */
    static String key(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.addFirst(c.getCurrentName());
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }

    /** The dotted key of a mapping error Jackson could not hand to this handler. */
    static String key(com.fasterxml.jackson.databind.JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("configuration");
    }
}
