package io.palisade.rules;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A named list of values that rules consult: tuning a rule means editing a list file, never the rule (like Falco's
 * {@code user_known_*} lists). Built-in rules read it through the {@link AllowLists} global,
 * e.g. {@code ProcessEvent(lists.named("network_tools").contains(process.name))}; it is also in every session as a
 * fact, e.g. {@code AllowList(name == "network_tools", entries contains $name)}, for user rules written that way.
 *
 * <p>Each question is answered from forms prepared once, not per event: the entries lower-cased for the
 * case-insensitive searches, and the entries of a pattern list compiled, each with the plain text every match of it
 * must contain ({@link RequiredLiteral}), so most entries are ruled out by a substring search.
 */
public final class AllowList {

    private final String name;
    private final Set<String> entries;
    private final List<String> lowerCaseEntries;
    private volatile List<ListedPattern> patterns;

    /** @param name the list's file name without {@code .txt} */
    public AllowList(String name, Collection<String> entries) {
        this.name = Objects.requireNonNull(name, "name");
        // Not Set.copyOf: its contains(null) throws, and rules ask whether a list contains an optional field of an
        // event that is null (a process gone before /proc could be read has no name).
        this.entries = Collections.unmodifiableSet(new LinkedHashSet<>(entries));
        this.lowerCaseEntries = this.entries.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
    }

    public String name() {
        return name;
    }

    public Set<String> entries() {
        return entries;
    }

    public boolean contains(String value) {
        return entries.contains(value);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Whether some entry starts the value: for directory lists ({@code /usr/bin/}) and image prefixes. */
    public boolean hasPrefixOf(String value) {
        if (value != null) {
            for (String entry : entries) {
                if (value.startsWith(entry)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether some entry occurs anywhere in the value: for directory names inside longer paths. */
    public boolean hasInfixOf(String value) {
        if (value != null) {
            for (String entry : entries) {
                if (value.contains(entry)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether some entry occurs, ignoring case, in one of the values: for lists of file names or search terms
     * looked for in a command's arguments.
     */
    public boolean foundInAny(Collection<String> values) {
        if (values != null) {
            for (String value : values) {
                String lowerCase = value.toLowerCase(Locale.ROOT);
                for (String entry : lowerCaseEntries) {
                    if (lowerCase.contains(entry)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether some entry, read as a regular expression, is found in the text: for lists of command-line patterns.
     *
     * @throws PatternSyntaxException when an entry is not a regular expression
     */
    public boolean matchedIn(String text) {
        if (text != null) {
            for (ListedPattern pattern : patterns()) {
                if (pattern.foundIn(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** For lists of {@code key value} lines: whether the key has at least one line, i.e. is governed by the list. */
    public boolean hasKey(String key) {
        if (key != null) {
            for (String entry : entries) {
                if (entry.length() > key.length() && entry.startsWith(key) && entry.charAt(key.length()) == ' ') {
                    return true;
                }
            }
        }
        return false;
    }

    /** For lists of {@code key value} lines: whether this very pair is listed. */
    public boolean hasPair(String key, String value) {
        return entries.contains(key + " " + value);
    }

    /**
     * For lists of {@code key value} lines: whether the list governs the key and does not allow this value for it,
     * e.g. a process not among those allowed for an image that has any listed.
     */
    public boolean deniesPair(String key, String value) {
        return hasKey(key) && !hasPair(key, value);
    }

    /**
     * Compiled on first use: only pattern lists are ever matched, and any list may hold text that is no regex. Not
     * one alternation of all entries: Java's matcher then tries every entry at every position of the text, which
     * measured twice as slow as trying the entries one by one.
     */
    private List<ListedPattern> patterns() {
        List<ListedPattern> compiled = patterns;
        if (compiled == null) {
            compiled = entries.stream().map(ListedPattern::new).toList();
            patterns = compiled;
        }
        return compiled;
    }

    /** One entry of a pattern list, with the text any match of it contains when there is such text. */
    private record ListedPattern(Pattern pattern, String required) {

        ListedPattern(String regex) {
            this(Pattern.compile(regex), RequiredLiteral.of(regex).orElse(""));
        }

        boolean foundIn(String text) {
            return text.contains(required) && pattern.matcher(text).find();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AllowList list && name.equals(list.name) && entries.equals(list.entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, entries);
    }

    @Override
    public String toString() {
        return "AllowList[" + name + ", " + entries.size() + " entries]";
    }
}
