package io.palisade.sinks.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.palisade.schema.Severity;
import io.palisade.sinks.ConfiguredSink;
import io.palisade.sinks.SinkSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The sinks of the sinks process, as read by {@link SinksConfigLoader}.
 *
 * @param sinks the sinks, with distinct names, in file order
 */
public record SinksConfig(List<SinkDefinition> sinks) {

    public SinksConfig {
        sinks = List.copyOf(sinks);
    }

    /**
     * Connects every sink. When one cannot be connected, those already connected are closed again.
     */
    public List<ConfiguredSink> open() {
        List<ConfiguredSink> opened = new ArrayList<>();
        try {
            for (SinkDefinition sink : sinks) {
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

    /** The effective configuration, defaults filled in and secrets redacted, in the file's own format. */
    public String toYaml(ObjectMapper yaml) {
        List<Map<String, Object>> described = new ArrayList<>();
        for (SinkDefinition sink : sinks) {
            SinkSettings settings = sink.settings();
            Map<String, Object> keys = new LinkedHashMap<>();
            keys.put("name", settings.name());
            keys.put("type", sink.destination().type());
            keys.put("min_severity", lower(settings.minimumSeverity()));
            keys.put("tags_any", new TreeSet<>(settings.tags().any()));
            keys.put("tags_none", new TreeSet<>(settings.tags().none()));
            keys.put("batch_size", settings.batchSize());
            keys.put("batch_linger", format(settings.batchLinger()));
            keys.put("backoff", Map.of("initial", format(settings.backoff().initial()),
                    "max", format(settings.backoff().max())));
            keys.put(sink.destination().type(), sink.destination().describe());
            described.add(keys);
        }
        try {
            return yaml.writeValueAsString(Map.of("sinks", described));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the configuration cannot be written as YAML", e);
        }
    }

    static String lower(Severity severity) {
        return severity.name().toLowerCase(Locale.ROOT);
    }

    /** Durations as the file takes them: whole seconds as {@code 30s}, anything else in milliseconds. */
    static String format(Duration duration) {
        long ms = duration.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
