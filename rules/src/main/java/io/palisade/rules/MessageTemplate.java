package io.palisade.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * A message with {@code {field.path}} placeholders, filled from an event by its Avro (ECS) field names, e.g.
 * {@code "Shell {process.executable} in {container.name}"}. Written in Avro field names rather than Java getters so
 * rule authors use the same names they see in Kibana.
 *
 * <p>A placeholder whose path is null in this event renders as {@code -}; one that names no field renders as
 * {@code ?field.path?}, so a typo is visible in the first alert instead of silently blank.
 */
public final class MessageTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)*)}");

    private final String text;
    /** The text cut at its placeholders once: literal text as {@code String}, each placeholder as its path's names. */
    private final List<Object> parts = new ArrayList<>();

    public MessageTemplate(String text) {
        this.text = text;
        Matcher m = PLACEHOLDER.matcher(text);
        int literalStart = 0;
        while (m.find()) {
            parts.add(text.substring(literalStart, m.start()));
            parts.add(m.group(1).split("\\."));
            literalStart = m.end();
        }
        parts.add(text.substring(literalStart));
    }

    public String text() {
        return text;
    }

    /** The field paths this template reads, in order. */
    public List<String> paths() {
        List<String> paths = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            paths.add(m.group(1));
        }
        return paths;
    }

    /** Rendered for every finding of every event, so the text was cut into parts up front. */
    public String render(IndexedRecord event) {
        StringBuilder rendered = new StringBuilder(text.length() + 64);
        for (Object part : parts) {
            rendered.append(part instanceof String[] path ? lookup(event, path) : (String) part);
        }
        return rendered.toString();
    }

    private static String lookup(IndexedRecord record, String[] path) {
        Object value = record;
        for (String name : path) {
            if (value == null) {
                return "-";
            }
            if (!(value instanceof IndexedRecord current)) {
                return "?" + String.join(".", path) + "?";
            }
            Schema.Field field = current.getSchema().getField(name);
            if (field == null) {
                return "?" + String.join(".", path) + "?";
            }
            value = current.get(field.pos());
        }
        return value == null ? "-" : value.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
