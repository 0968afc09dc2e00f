package io.palisade.collector.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.palisade.collector.CollectorConfig;
import io.palisade.collector.InvalidConfigException;

/**
 * Builds the collector configuration from, in rising precedence, the defaults, one YAML file, the environment
 * ({@link EnvOverrides}) and command-line overrides, and validates it: every problem (unknown key, wrong type,
 * invalid value of any section, missing bootstrap servers) is reported at once in an {@link InvalidConfigException}.
 */
public final class CollectorConfigLoader {

    private static final ObjectMapper YAML = ConfigMapper.yaml();
    private static final Map<String, ConfigKeys.Key> KEYS = ConfigKeys.of(YAML, CollectorConfig.class);
    private static final String REDACTED = "<redacted>";

    private CollectorConfigLoader() {
    }

    /**
     * The validated configuration.
     *
     * @param file      the YAML file, if any
     * @param env       the environment (normally {@code System.getenv()})
     * @param overrides dotted keys set on the command line, e.g. {@code kafka.bootstrap_servers} or
     *                  {@code kafka.properties.security.protocol}; win over the rest
     * @throws InvalidConfigException listing every problem found
     */
    public static CollectorConfig load(Optional<Path> file, Map<String, String> env, Map<String, String> overrides) {
        List<String> problems = new ArrayList<>();
        ObjectNode tree = file.map(f -> read(f, problems)).orElseGet(YAML::createObjectNode);
        EnvOverrides.apply(env, KEYS, tree).forEach(name -> problems.add("environment variable " + name
                + " does not name a setting"));
        overrides.forEach((key, value) -> EnvOverrides.set(tree, key, value, KEYS));
        ProblemCollector collector = new ProblemCollector();
        CollectorConfig config = null;
        try {
            config = YAML.readerFor(CollectorConfig.class).withHandler(collector).readValue(tree);
        } catch (JsonMappingException e) {
            problems.add(ProblemCollector.key(e) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            problems.add("cannot read the configuration: " + e.getMessage());
        }
        problems.addAll(collector.problems());
        if (config == null) {
            config = CollectorConfig.defaults(null);
        }
        problems.addAll(config.problems());
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return config;
    }

    /** Every key with the environment variable that sets it, for documentation and {@code --help}. */
    public static Map<String, String> environmentVariables() {
        Map<String, String> variables = new java.util.LinkedHashMap<>();
        KEYS.values().forEach(key -> variables.put(key.path(), key.environmentVariable()
                + (key.shape() == ConfigKeys.Shape.MAP ? "_<NAME>" : "")));
        return variables;
    }

    /** The effective configuration as YAML, with passwords, keys and JAAS configuration redacted. */
    public static String toYaml(CollectorConfig config) {
        ObjectNode tree = YAML.valueToTree(config);
        if (tree.path("kafka").path("properties") instanceof ObjectNode properties) {
            properties.properties().forEach(entry -> {
                if (isSecret(entry.getKey())) {
                    entry.setValue(properties.textNode(REDACTED));
                }
            });
        }
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("configuration cannot be written as YAML", e);
        }
    }

    static boolean isSecret(String kafkaProperty) {
        String name = kafkaProperty.toLowerCase(Locale.ROOT);
        return name.contains("password") || name.contains("jaas") || name.contains("secret")
                || name.endsWith(".key") || name.contains("token");
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
