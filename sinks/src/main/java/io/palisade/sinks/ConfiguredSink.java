package io.palisade.sinks;

import java.util.Objects;

/**
 * One sink of the sinks process: a destination and how it consumes.
 *
 * @param settings name, consumer group, severity threshold, batching and backoff
 * @param sink     the destination
 */
public record ConfiguredSink(SinkSettings settings, AlertSink sink) {

    public ConfiguredSink {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(sink, "sink");
    }
}
