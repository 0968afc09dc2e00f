package io.palisade.sinks.config;

import java.util.Objects;

import io.palisade.sinks.ConfiguredSink;
import io.palisade.sinks.SinkSettings;

/**
 * One sink of the configuration file, validated but not connected yet.
 *
 * @param settings    name, filters, batching and backoff
 * @param destination where it writes
 */
public record SinkDefinition(SinkSettings settings, Destination destination) {

    public SinkDefinition {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(destination, "destination");
    }

    /** Connects the destination. */
    public ConfiguredSink open() {
        return new ConfiguredSink(settings, destination.open());
    }
}
