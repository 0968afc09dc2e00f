package io.palisade.rules;

/**
 * A rule matched an event. The stream processor turns it into an {@code Alert}: the id from rule id, dedup key and
 * window; the severity, threat and tags from the rule; the message as it is.
 *
 * @param rule the rule's metadata
 * @param message the rule's message template filled from the event
 * @param dedupKey the rule's dedup template filled from the event; repeats with the same key are one alert
 */
public record Finding(RuleMetadata rule, String message, String dedupKey) {
}
