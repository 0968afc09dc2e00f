package io.palisade.sinks;

import java.util.Set;

import io.palisade.schema.Alert;

/**
 * A sink's tag filter, applied once by the {@link SinkRunner} next to the {@link SeverityFilter}: an alert passes
 * when it carries at least one of {@code any} (or {@code any} is empty) and none of {@code none}.
 *
 * @param any  include only alerts with one of these tags; empty means every alert
 * @param none exclude alerts with any of these tags
 */
public record TagFilter(Set<String> any, Set<String> none) {

    /** The filter that lets every alert through. */
    public static final TagFilter NONE = new TagFilter(Set.of(), Set.of());

    public TagFilter {
        any = Set.copyOf(any);
        none = Set.copyOf(none);
    }

    public boolean accepts(Alert alert) {
        boolean included = any.isEmpty() || alert.getTags().stream().anyMatch(any::contains);
        return included && alert.getTags().stream().noneMatch(none::contains);
    }
}
