package io.palisade.sinks;

import java.time.Instant;

/**
 * What a sink is doing, for {@code /health} and {@code /metrics}.
 *
 * @param phase  starting, running, retrying or stopped
 * @param since  when the sink entered this phase (for retrying: when the first of the retries failed)
 * @param reason why it is retrying or stopped (the last error), empty otherwise
 */
public record SinkState(Phase phase, Instant since, String reason) {

    /** The phases of a sink's life; only {@link #STOPPED} is unhealthy. */
    public enum Phase {
        /** Preparing the destination, not yet consuming. */
        STARTING,
        /** Consuming and writing. */
        RUNNING,
        /** The destination fails for now; the same records are tried again with backoff. */
        RETRYING,
        /** Failed for good or closed; writes nothing more until the process restarts. */
        STOPPED
    }

    /** A sentence for {@code /health}, e.g. {@code retrying since 2026-01-01T00:00:00Z: connection refused}. */
    public String describe() {
        String text = phase.name().toLowerCase(java.util.Locale.ROOT);
        return switch (phase) {
            case RUNNING, STARTING -> text;
            case RETRYING -> text + " since " + since + ": " + reason;
            case STOPPED -> text + ": " + reason;
        };
    }
}
