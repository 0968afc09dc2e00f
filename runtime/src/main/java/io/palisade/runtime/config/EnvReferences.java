package io.palisade.runtime.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code ${NAME}} in a value of the file is replaced by the environment variable {@code NAME}, so webhook URLs,
 * passwords and keys need not sit in the file. A reference to an unset variable is a problem naming its key, and
 * the key is then left unset.
 */
final class EnvReferences {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private EnvReferences() {
    }

    static void substitute(JsonNode node, String path, Map<String, String> env, List<String> problems) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(entry -> {
                String key = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                if (entry.getValue().isTextual()) {
                    entry.setValue(replaced(entry.getValue().textValue(), key, env, problems, object));
                } else {
                    substitute(entry.getValue(), key, env, problems);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String key = path + "[" + i + "]";
                if (array.get(i).isTextual()) {
                    array.set(i, replaced(array.get(i).textValue(), key, env, problems, array));
                } else {
                    substitute(array.get(i), key, env, problems);
                }
            }
        }
    }

    private static JsonNode replaced(String text, String key, Map<String, String> env, List<String> problems,
                                     ContainerNode<?> parent) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder result = new StringBuilder();
        boolean unset = false;
        while (m.find()) {
            String value = env.get(m.group(1));
            if (value == null) {
                problems.add(key + ": environment variable " + m.group(1) + " is not set");
                unset = true;
                value = "";
            }
            m.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        m.appendTail(result);
        return unset ? parent.nullNode() : parent.textNode(result.toString());
    }
}
