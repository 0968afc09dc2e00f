package io.palisade.sinks.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.palisade.schema.Severity;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code key: value} section of the sinks configuration, read key by key. A value that is missing where
 * required, of the wrong type or unreadable adds one problem naming its dotted key (e.g.
 * {@code sinks[1].slack.routes[0].webhook_url}) and reads as absent, so the loader goes on and reports every
 * mistake at once. Text values may name environment variables, {@code ${SLACK_WEBHOOK_URL}}, so secrets need not sit
 * in the file.
 */
final class ConfigSection {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private final String path;
    private final JsonNode node;
    private final Map<String, String> env;
    private final List<String> problems;
    private final Set<String> known = new HashSet<>();

    ConfigSection(String path, JsonNode node, Map<String, String> env, List<String> problems) {
        this.path = path;
        this.node = node;
        this.env = env;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    void problem(String key, String message) {
        problems.add(key(key) + ": " + message);
    }

    private String key(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The value of {@code key} with environment variables substituted, if set and a single value. */
    Optional<String> text(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            problem(key, "expected a single value, got " + (value.isArray() ? "a list" : "a section"));
            return Optional.empty();
        }
        return substitute(key, value.asText());
    }

    String requiredText(String key) {
        Optional<String> value = text(key);
        if (value.isEmpty() && value(key) == null) {
            problem(key, "is required");
        }
        return value.orElse(null);
    }

    Optional<Integer> integer(String key) {
        return parsed(key, "a whole number", text -> Integer.valueOf(text.strip()));
    }

    Optional<Boolean> bool(String key) {
        return parsed(key, "true or false", text -> switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        });
    }

    /** {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h} or ISO-8601 ({@code PT10S}). */
    Optional<Duration> duration(String key) {
        return parsed(key, "a duration (e.g. 500ms, 10s, 5m)", text -> {
            Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            }
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        });
    }

    Optional<Severity> severity(String key) {
        return parsed(key, "one of " + Arrays.stream(Severity.values())
                .map(s -> s.name().toLowerCase(Locale.ROOT)).toList(),
                text -> Severity.valueOf(text.strip().toUpperCase(Locale.ROOT)));
    }

    Optional<URI> uri(String key) {
        return parsed(key, "a URL", text -> {
            URI uri = new URI(text.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException(text);
            }
            return uri;
        });
    }

    Optional<Path> file(String key) {
        return text(key).map(Path::of);
    }

    /** A list of single values; a single value is read as a list of one. */
    List<String> texts(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            return text(key).map(List::of).orElse(List.of());
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String itemKey = key + "[" + i + "]";
            JsonNode item = value.get(i);
            if (item.isValueNode() && !item.isNull()) {
                substitute(itemKey, item.asText()).ifPresent(texts::add);
            } else {
                problem(itemKey, "expected a single value");
            }
        }
        return texts;
    }

    Optional<ConfigSection> section(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            problem(key, "expected a section (key: value lines)");
            return Optional.empty();
        }
        return Optional.of(new ConfigSection(key(key), value, env, problems));
    }

    /** The sections of a list of sections; items that are not sections are problems. */
    List<ConfigSection> sections(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            problem(key, "expected a list");
            return List.of();
        }
        List<ConfigSection> sections = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isObject()) {
                sections.add(new ConfigSection(key(key) + "[" + i + "]", value.get(i), env, problems));
            } else {
                problems.add(key(key) + "[" + i + "]: expected a section (key: value lines)");
            }
        }
        return sections;
    }

    /**
     * Builds a settings record, turning its validation errors into one problem for this section.
     *
     * @return empty when the record rejected its values
     */
    <T> Optional<T> build(Supplier<T> constructor) {
        try {
            return Optional.of(constructor.get());
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add((path.isEmpty() ? "" : path + ": ") + e.getMessage());
            return Optional.empty();
        }
    }

    /** Reports every key of this section that no reader asked for: a typo, or a key of another sink type. */
    void rejectUnknownKeys() {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problem(name, "is not a known setting");
            }
        });
    }

    /** The value of {@code key}, or null when absent or null; remembers the key as known. */
    private JsonNode value(String key) {
        known.add(key);
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    private <T> Optional<T> parsed(String key, String expected, ParseFunction<T> parse) {
        return text(key).flatMap(text -> {
            try {
                return Optional.of(parse.apply(text));
            } catch (Exception e) {
                problem(key, "cannot read \"" + text + "\" as " + expected);
                return Optional.empty();
            }
        });
    }

    private Optional<String> substitute(String key, String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        boolean complete = true;
        while (m.find()) {
            String value = env.get(m.group(1));
            if (value == null) {
                problem(key, "environment variable " + m.group(1) + " is not set");
                complete = false;
                value = "";
            }
            m.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        m.appendTail(result);
        return complete ? Optional.of(result.toString()) : Optional.empty();
    }

    @FunctionalInterface
    private interface ParseFunction<T> {
        T apply(String text) throws Exception;
    }
}
