package io.palisade.rules;

import org.kie.api.definition.type.ClassReactive;

/**
 * A named number that rules compare against, e.g. {@code Threshold(name == "cpu_percent", $min: value)}, read from a
 * rule directory's {@code thresholds.properties}. Like allow-lists, thresholds are tuned as data, never by editing a
 * rule (architecture convention 7); unlike them, a user directory's value replaces the built-in one.
 *
 * <p>Class reactive for the same reason as {@link AllowList}: facts are never modified in a session.
 *
 * @param name the property name
 * @param value its value
 */
@ClassReactive
public record Threshold(String name, double value) {
}
