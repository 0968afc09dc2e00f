package io.palisade.collector.agent;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.palisade.collector.config.ContainerSettings;
import io.palisade.collector.file.DriftSettings;
import io.palisade.collector.file.FileIntegritySettings;
import io.palisade.collector.host.HostSettings;
import io.palisade.collector.process.ProcessSettings;
import io.palisade.collector.stats.StatsSettings;

/**
 * The {@code sources} section of the collector configuration: one subsection per source, each with its own
 * defaults; a missing subsection is all defaults.
 */
public record SourcesSettings(ContainerSettings container, ProcessSettings process, FileIntegritySettings file,
                              DriftSettings drift, StatsSettings stats, HostSettings host) {

    public SourcesSettings {
        container = Objects.requireNonNullElseGet(container, ContainerSettings::defaults);
        process = Objects.requireNonNullElseGet(process, ProcessSettings::defaults);
        file = Objects.requireNonNullElseGet(file, FileIntegritySettings::defaults);
        drift = Objects.requireNonNullElseGet(drift, DriftSettings::defaults);
        stats = Objects.requireNonNullElseGet(stats, StatsSettings::defaults);
        host = Objects.requireNonNullElseGet(host, HostSettings::defaults);
    }

    public static SourcesSettings defaults() {
        return new SourcesSettings(null, null, null, null, null, null);
    }

    /** Every problem of every source's settings. */
    public List<String> problems() {
        return Stream.of(container.problems(), process.problems(), file.problems(), drift.problems(),
                stats.problems(), host.problems()).flatMap(List::stream).toList();
    }
}
