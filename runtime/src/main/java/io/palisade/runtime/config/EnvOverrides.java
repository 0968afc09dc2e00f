package io.palisade.runtime.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Environment variables override the file: {@code PALISADE_} followed by the key with dots as underscores, upper
 * case ({@code sources.file.enabled} ← {@code PALISADE_SOURCES_FILE_ENABLED}). List values are comma-separated. A map
 * key takes the rest of the name, lower case, underscores as dots ({@code kafka.properties.security.protocol} ←
 * {@code PALISADE_KAFKA_PROPERTIES_SECURITY_PROTOCOL}). A service may name fallback variables, read when the key's
 * own variable is unset (every command reads {@code PALISADE_BOOTSTRAP_SERVERS}).
 */
final class EnvOverrides {

    static final String PREFIX = "PALISADE_";
    /** Variables of the shared command-line options that look like keys but are read by the command itself. */
    private static final Set<String> READ_BY_THE_COMMAND = Set.of("PALISADE_KAFKA_CONFIG", "PALISADE_CONFIG");

    private EnvOverrides() {
    }

    /**
     * Writes every variable of {@code env} that names a key into {@code tree}, and, for a key whose own variable is
     * unset, its fallback variable; returns the names of variables that start like a section
     * ({@code PALISADE_SOURCES_...}) but name no key, which are mistakes worth reporting.
     */
    static List<String> apply(Map<String, String> env, Map<String, ConfigKeys.Key> keys,
                              Map<String, String> fallbacks, ObjectNode tree) {
        Map<String, String> sorted = new TreeMap<>(env);
        List<String> sections = keys.values().stream().filter(k -> !k.inList()).map(ConfigKeys.Key::path)
                .filter(k -> k.contains("."))
                .map(k -> PREFIX + k.substring(0, k.indexOf('.') + 1).replace('.', '_').toUpperCase(Locale.ROOT))
                .distinct().toList();
        List<String> unknown = new ArrayList<>();
        fallbacks.forEach((variable, key) -> {
            if (sorted.containsKey(variable) && !sorted.containsKey(keys.get(key).environmentVariable())) {
                set(tree, key, keys.get(key).shape(), sorted.get(variable));
            }
        });
        sorted.forEach((name, value) -> {
            if (!name.startsWith(PREFIX) || fallbacks.containsKey(name) || READ_BY_THE_COMMAND.contains(name)) {
                return;
            }
            boolean known = false;
            for (ConfigKeys.Key key : keys.values().stream().filter(k -> !k.inList()).toList()) {
                String variable = key.environmentVariable();
                if (name.equals(variable) && key.shape() != ConfigKeys.Shape.MAP) {
                    set(tree, key.path(), key.shape(), value);
                    known = true;
                } else if (key.shape() == ConfigKeys.Shape.MAP && name.startsWith(variable + "_")) {
                    String entry = name.substring(variable.length() + 1).toLowerCase(Locale.ROOT).replace('_', '.');
                    // The entry name has dots of its own, so only the map itself is found by path.
                    parent(tree, key.path() + ".entry").put(entry, value);
                    known = true;
                }
            }
            if (!known && sections.stream().anyMatch(name::startsWith)) {
                unknown.add(name);
            }
        });
        return unknown;
    }

    /**
     * Sets a key given by its dotted name, or an entry of a map key ({@code kafka.properties.ssl.keystore.type}).
     *
     * @throws IllegalArgumentException when {@code key} names no setting (a programming error of the caller)
     */
    static void set(ObjectNode tree, String key, String value, Map<String, ConfigKeys.Key> keys) {
        ConfigKeys.Key known = keys.get(key);
        if (known != null && known.shape() != ConfigKeys.Shape.MAP) {
            set(tree, key, known.shape(), value);
            return;
        }
        ConfigKeys.Key map = keys.values().stream().filter(k -> k.shape() == ConfigKeys.Shape.MAP
                && key.startsWith(k.path() + ".")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a configuration key: " + key));
        parent(tree, map.path() + ".entry").put(key.substring(map.path().length() + 1), value);
    }

    /** Sets {@code path} (dotted) in {@code tree}, creating the sections on the way. */
    static void set(ObjectNode tree, String path, ConfigKeys.Shape shape, String value) {
        ObjectNode parent = parent(tree, path);
        if (shape == ConfigKeys.Shape.LIST) {
            ArrayNode list = parent.putArray(last(path));
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    list.add(item.strip());
                }
            }
        } else {
            parent.put(last(path), value);
        }
    }

    private static ObjectNode parent(ObjectNode tree, String path) {
        ObjectNode node = tree;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.get(parts[i]) instanceof ObjectNode child ? child : node.putObject(parts[i]);
        }
        return node;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
