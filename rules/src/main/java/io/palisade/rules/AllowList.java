package io.palisade.rules;

import java.util.Set;

import org.kie.api.definition.type.ClassReactive;

/**
 * A named list of values that rules consult as a fact, e.g. {@code AllowList(name == "shell_binaries",
 * entries contains $name)}. Tuning a rule means editing a list file, never the rule (architecture convention 7, like
 * Falco's {@code user_known_*} lists).
 *
 * @param name the list's file name without {@code .txt}
 * <p>Class reactive: property reactivity cannot see a record's accessors and would log a warning for each
 * constraint on a list, and it buys nothing here, since no fact is ever modified in a session.
 *
 * @param entries the values
 */
@ClassReactive
public record AllowList(String name, Set<String> entries) {

    public AllowList {
        entries = Set.copyOf(entries);
    }

    /** Whether some entry starts the value: for directory lists ({@code /usr/bin/}) and image prefixes. */
    public boolean hasPrefixOf(String value) {
        return value != null && entries.stream().anyMatch(value::startsWith);
    }
}
