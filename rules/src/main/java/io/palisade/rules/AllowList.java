package io.palisade.rules;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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

    /** Compiled entries of pattern lists, shared by every session: lists are few and never change once loaded. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    public AllowList {
        // Not Set.copyOf: its contains(null) throws, and rules ask "entries contains $name" of events whose optional
        // fields are null (a process gone before /proc could be read has no name).
        entries = Collections.unmodifiableSet(new LinkedHashSet<>(entries));
    }

    /** Whether some entry starts the value: for directory lists ({@code /usr/bin/}) and image prefixes. */
    public boolean hasPrefixOf(String value) {
        return value != null && entries.stream().anyMatch(value::startsWith);
    }

    /** Whether some entry occurs anywhere in the value: for directory names inside longer paths. */
    public boolean hasInfixOf(String value) {
        return value != null && entries.stream().anyMatch(value::contains);
    }

    /**
     * Whether some entry occurs, ignoring case, in one of the values: for lists of file names or search terms
     * looked for in a command's arguments.
     */
    public boolean foundInAny(Collection<String> values) {
        return values != null && values.stream().map(v -> v.toLowerCase(Locale.ROOT))
                .anyMatch(v -> entries.stream().anyMatch(e -> v.contains(e.toLowerCase(Locale.ROOT))));
    }

    /**
     * Whether some entry, read as a regular expression, is found in the text: for lists of command-line patterns.
     *
     * @throws PatternSyntaxException when an entry is not a regular expression
     */
    public boolean matchedIn(String text) {
        return text != null && entries.stream().anyMatch(e -> PATTERNS.computeIfAbsent(e, Pattern::compile)
                .matcher(text).find());
    }

    /** For lists of {@code key value} lines: whether the key has at least one line, i.e. is governed by the list. */
    public boolean hasKey(String key) {
        return key != null && entries.stream().anyMatch(e -> e.startsWith(key + " "));
    }

    /** For lists of {@code key value} lines: whether this very pair is listed. */
    public boolean hasPair(String key, String value) {
        return entries.contains(key + " " + value);
    }
}
