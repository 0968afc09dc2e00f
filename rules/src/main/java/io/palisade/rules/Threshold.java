package io.palisade.rules;

/**
 * A named number that rules compare against, e.g. {@code Threshold(name == "cpu_percent", $min: value)}, read from a
 * rule directory's {@code thresholds.properties}. Like allow-lists, thresholds are tuned as data, never by editing a
 * rule; unlike them, a user directory's value replaces the built-in one.
 *
 * @param name the property name
 * @param value its value
 */
public record Threshold(String name, double value) {
}
