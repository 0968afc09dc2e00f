package io.palisade.sinks.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.palisade.runtime.config.ConfigBinder;
import io.palisade.runtime.config.Validatable;
import io.palisade.sinks.ConfiguredSink;

/**
 * The sinks of the sinks process ({@code palisade sinks --config}): a YAML list of sinks, read by {@link #binder()},
 * which reports every problem at once (unknown keys, wrong types, unset {@code ${NAME}} variables, and what each
 * sink's settings reject), each naming its key.
 *
 * @param sinks the sinks, with distinct names, in file order
 */
public record SinksConfig(List<SinkConfig> sinks) implements Validatable {

    private static final ConfigBinder<SinksConfig> BINDER = ConfigBinder.of(SinksConfig.class, "sinks", Map.of());

    public SinksConfig {
        // An item that is no section was reported while reading; it has no settings to check.
        sinks = sinks == null ? List.of() : sinks.stream().filter(Objects::nonNull).toList();
    }

    /** Reads this configuration from YAML with {@code ${NAME}} references to environment variables. */
    public static ConfigBinder<SinksConfig> binder() {
        return BINDER;
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (sinks.isEmpty()) {
            problems.add("sinks needs at least one sink");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sinks.size(); i++) {
            SinkConfig sink = sinks.get(i);
            problems.addAll(sink.problems("sinks[" + i + "]"));
            if (sink.name() != null && !names.add(sink.name())) {
                problems.add("sinks[" + i + "]: another sink is already named " + sink.name()
                        + " (each sink has its own consumer group, named after it)");
            }
        }
        return problems;
    }

    /** The sinks as they run, for a configuration without {@link #problems()}. */
    public List<SinkDefinition> definitions() {
        return sinks.stream().map(SinkConfig::definition).toList();
    }

    /**
     * Connects every sink. When one cannot be connected, those already connected are closed again.
     */
    public List<ConfiguredSink> open() {
        List<ConfiguredSink> opened = new ArrayList<>();
        try {
            for (SinkDefinition sink : definitions()) {
                opened.add(sink.open());
            }
            return opened;
        } catch (RuntimeException e) {
            for (ConfiguredSink sink : opened) {
                try {
                    sink.sink().close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }
}
