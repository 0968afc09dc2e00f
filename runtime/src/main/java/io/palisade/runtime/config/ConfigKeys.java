package io.palisade.runtime.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * Every configuration key, found by walking the settings records the way Jackson maps them, so a component a source
 * adds to its settings record is a key (and has an environment variable) without being listed anywhere. The keys of
 * a list of sections are written with {@code []} ({@code sinks[].name}); they are set in the file only.
 */
final class ConfigKeys {

    /** How a key's value is written in an environment variable. */
    enum Shape { SCALAR, LIST, MAP }

    /** One leaf key, e.g. {@code sources.file.paths}. */
    record Key(String path, Shape shape) {

        /** Keys inside a list of sections have no variable: one variable cannot say which list item it sets. */
        boolean inList() {
            return path.contains("[]");
        }

        /** {@code sources.file.paths} is set by {@code PALISADE_SOURCES_FILE_PATHS}. */
        String environmentVariable() {
            return EnvOverrides.PREFIX + path.replace('.', '_').toUpperCase(Locale.ROOT);
        }
    }

    private ConfigKeys() {
    }

    static Map<String, Key> of(ObjectMapper mapper, Class<?> root) {
        Map<String, Key> keys = new LinkedHashMap<>();
        walk(mapper, mapper.constructType(root), "", keys);
        return keys;
    }

    private static void walk(ObjectMapper mapper, JavaType type, String prefix, Map<String, Key> keys) {
        BeanDescription description = mapper.getDeserializationConfig().introspect(type);
        for (BeanPropertyDefinition property : description.findProperties()) {
            JavaType propertyType = property.getPrimaryType();
            String path = prefix + property.getName();
            Class<?> raw = propertyType.getRawClass();
            if (raw.isRecord()) {
                walk(mapper, propertyType, path + ".", keys);
            } else if (Collection.class.isAssignableFrom(raw) && propertyType.getContentType().getRawClass().isRecord()) {
                walk(mapper, propertyType.getContentType(), path + "[].", keys);
            } else {
                Shape shape = Map.class.isAssignableFrom(raw) ? Shape.MAP
                        : Collection.class.isAssignableFrom(raw) || raw.isArray() ? Shape.LIST : Shape.SCALAR;
                keys.put(path, new Key(path, shape));
            }
        }
    }
}
