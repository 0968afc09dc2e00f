package io.palisade.sinks;

import java.util.Objects;

import io.palisade.schema.Alert;
import io.palisade.schema.Severity;

/**
 * A sink's minimum severity. Applied once, by the {@link SinkRunner}, so no sink filters on its own.
 *
 * @param minimum the least severe level still written
 */
public record SeverityFilter(Severity minimum) {

    public SeverityFilter {
        Objects.requireNonNull(minimum, "minimum");
    }

    /** True when {@code alert} is at least as severe as the minimum (severities are declared least severe first). */
    public boolean accepts(Alert alert) {
        return alert.getRule().getSeverity().compareTo(minimum) >= 0;
    }
}
