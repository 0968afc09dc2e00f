package io.palisade.runtime.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Binds one service's configuration record from, in rising precedence, the record's own defaults, one YAML file,
 * the environment ({@code PALISADE_<SECTION>_<KEY>}) and command-line overrides, and validates it: every problem
 * (unknown key, wrong type, YAML syntax error with its line, and what the record's {@link Validatable#problems()}
 * finds) is reported at once in an {@link InvalidConfigException}.
 *
 * <p>The keys are the record components in {@code snake_case}, nested records being sections, found by walking the
 * record type: a component added to a record is a key, with an environment variable, without being listed anywhere.
 * A {@code null} component is how a record learns that a key was not set, so records give their defaults in their
 * compact constructors.
 *
 * @param <T> the service's configuration record
 */
public final class ConfigBinder<T extends Validatable> {

    private static final ObjectMapper YAML = ConfigMapper.yaml();
    private static final String REDACTED = "<redacted>";

    private final Class<T> type;
    private final String service;
    private final Map<String, ConfigKeys.Key> keys;
    private final Map<String, String> fallbackVariables;

    private ConfigBinder(Class<T> type, String service, Map<String, String> fallbackVariables) {
        this.type = type;
        this.service = service;
        this.keys = ConfigKeys.of(YAML, type);
        this.fallbackVariables = Map.copyOf(fallbackVariables);
        fallbackVariables.values().forEach(key -> {
            if (!keys.containsKey(key)) {
                throw new IllegalArgumentException("fallback variable for " + key + ", which is not a key of " + type);
            }
        });
    }

    /**
     * @param type              the configuration record
     * @param service           the service's name, for messages ({@code collector})
     * @param fallbackVariables environment variables read for a key when its own variable is unset, e.g.
     *                          {@code PALISADE_BOOTSTRAP_SERVERS -> kafka.bootstrap_servers}
     */
    public static <T extends Validatable> ConfigBinder<T> of(Class<T> type, String service,
                                                               Map<String, String> fallbackVariables) {
        return new ConfigBinder<>(type, service, fallbackVariables);
    }

    /**
     * The validated configuration.
     *
     * @param file      the YAML file, if any
     * @param env       the environment (normally {@code System.getenv()})
     * @param overrides dotted keys set on the command line, e.g. {@code kafka.bootstrap_servers} or an entry of a map
     *                  key such as {@code kafka.properties.security.protocol}; win over the rest
     * @throws InvalidConfigException listing every problem found
     * @throws IllegalArgumentException when an override names no key (a programming error of the caller)
     */
    public T load(Optional<Path> file, Map<String, String> env, Map<String, String> overrides) {
        List<String> problems = new ArrayList<>();
        ObjectNode tree = file.map(f -> read(f, problems)).orElseGet(YAML::createObjectNode);
        boolean fileUnread = !problems.isEmpty();
        EnvReferences.substitute(tree, "", env, problems);
        EnvOverrides.apply(env, keys, fallbackVariables, tree).forEach(name -> problems.add("environment variable "
                + name + " does not name a setting"));
        overrides.forEach((key, value) -> EnvOverrides.set(tree, key, value, keys));
        ProblemCollector collector = new ProblemCollector();
        T config = null;
        try {
            config = YAML.readerFor(type).withHandler(collector).readValue(tree);
        } catch (JsonMappingException e) {
            problems.add(ProblemCollector.key(e) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            problems.add("cannot read the configuration: " + e.getMessage());
        }
        problems.addAll(collector.problems());
        // Without the file's values, or without a record, a check would judge defaults the user never chose.
        if (config != null && !fileUnread) {
            problems.addAll(config.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(service, problems);
        }
        return config;
    }

    /** Every key, dotted ({@code sources.file.paths}), in the order of the record components. */
    public Set<String> keys() {
        return keys.keySet();
    }

    /** Every key with the environment variable that sets it, for documentation and {@code --help}. */
    public Map<String, String> environmentVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        keys.values().stream().filter(key -> !key.inList()).forEach(key -> variables.put(key.path(),
                key.environmentVariable() + (key.shape() == ConfigKeys.Shape.MAP ? "_<NAME>" : "")));
        return variables;
    }

    /**
     * The keys that {@code example}, a YAML file meant to document every setting, leaves out; a map key counts as
     * documented when it is present, even empty, and a key inside a list of sections when one item has it.
     */
    public List<String> undocumentedKeys(Path example) throws IOException {
        JsonNode documented = YAML.readTree(Files.readString(example));
        return keys.keySet().stream().filter(key -> !documents(documented, List.of(key.split("\\.")))).toList();
    }

    private static boolean documents(JsonNode node, List<String> parts) {
        if (parts.isEmpty()) {
            return true;
        }
        String part = parts.getFirst();
        List<String> rest = parts.subList(1, parts.size());
        if (part.endsWith("[]")) {
            JsonNode items = node.get(part.substring(0, part.length() - 2));
            return items != null && items.isArray()
                    && StreamSupport.stream(items.spliterator(), false)
                    .anyMatch(item -> documents(item, rest));
        }
        JsonNode child = node.get(part);
        return child != null && documents(child, rest);
    }

    /**
     * The configuration as YAML that this binder reads back the same, unset keys left out, with every value whose
     * key or map entry name looks like a secret (password, JAAS configuration, secret, token, key, webhook) redacted.
     */
    public String toYaml(T config) {
        JsonNode tree = YAML.valueToTree(config);
        redactSecrets(tree);
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("configuration cannot be written as YAML", e);
        }
    }

    private static void redactSecrets(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(entry -> {
                if (entry.getValue().isValueNode() && !entry.getValue().isNull() && isSecret(entry.getKey())) {
                    entry.setValue(object.textNode(REDACTED));
                } else {
                    redactSecrets(entry.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(ConfigBinder::redactSecrets);
        }
    }

    static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("jaas") || lower.contains("secret")
                || lower.endsWith(".key") || lower.endsWith("_key") || lower.contains("token")
                || lower.contains("webhook");
    }

    private static ObjectNode read(Path file, List<String> problems) {
        try {
            JsonNode node = YAML.readTree(Files.readString(file));
            if (node == null || node.isMissingNode() || node.isNull()) {
                return YAML.createObjectNode();
            }
            if (node instanceof ObjectNode object) {
                return object;
            }
            problems.add(file + ": expected key: value lines at the top level");
        } catch (NoSuchFileException e) {
            problems.add(file + ": no such file");
        } catch (JsonProcessingException e) {
            problems.add(file + ": not valid YAML at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            problems.add(file + ": cannot be read: " + e);
        }
        return YAML.createObjectNode();
    }
}
