package io.palisade.cli.alerts;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.palisade.schema.Alert;
import io.palisade.schema.Severity;
import io.palisade.sinks.elasticsearch.AlertDocument;

/**
 * How an alert read from {@code palisade.alerts} is shown to a person (one line, optionally coloured by severity) or
 * to a script (one JSON object, nested like the Elasticsearch document). Shared by {@code alerts tail} and the
 * quickstart's live view. Pure: no I/O.
 */
public final class AlertView {

    /** Keys every JSON line carries, {@code null} when the alert has no value for them, so scripts need no guards. */
    static final List<String> ALWAYS_PRESENT = List.of("id", "rule.id", "rule.name", "rule.severity",
            "threat.technique.id", "host.name", "container.id", "container.name", "container.image.name",
            "process.executable", "process.args", "file.path", "count", "first_seen", "last_seen", "message");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String RESET = "\u001b[0m";

    private AlertView() {
    }

    /**
     * The alert as one JSON object: the Elasticsearch document of the alert, every {@link #ALWAYS_PRESENT} key
     * present, and {@code "update": true} when it repeats an alert id already shown (same finding, higher count).
     */
    public static String json(Alert alert, boolean update) {
        Map<String, Object> document = new LinkedHashMap<>(AlertDocument.of(alert));
        ALWAYS_PRESENT.forEach(key -> ensurePresent(document, key.split("\\.")));
        document.put("update", update);
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert " + alert.getId() + " cannot be written as JSON", e);
        }
    }

    /**
     * The alert as one line: last-seen time (UTC), severity, rule id and name, host, container name and image,
     * process (executable and arguments) or file, and the count; ANSI-coloured by severity when {@code colour}.
     */
    public static String line(Alert alert, boolean update, boolean colour) {
        StringBuilder line = new StringBuilder();
        Severity severity = alert.getRule().getSeverity();
        line.append(TIME.format(alert.getLastSeen())).append(' ');
        String severityText = String.format("%-13s", severity.name());
        line.append(colour ? colourOf(severity) + severityText + RESET : severityText);
        line.append(alert.getRule().getId()).append(' ').append(alert.getRule().getName());
        if (alert.getHost() != null) {
            line.append("  host=").append(alert.getHost().getName());
        }
        if (alert.getContainer() != null) {
            var container = alert.getContainer();
            line.append("  container=").append(container.getName() != null ? container.getName()
                    : shortId(container.getId()));
            if (container.getImage() != null) {
                line.append(" (").append(container.getImage().getName()).append(')');
            }
        }
        if (alert.getProcess() != null) {
            var process = alert.getProcess();
            line.append("  process=").append(process.getExecutable() != null ? process.getExecutable()
                    : process.getName());
            if (!process.getArgs().isEmpty()) {
                line.append(" args=").append(String.join(" ", process.getArgs()));
            }
        }
        if (alert.getFile() != null) {
            line.append("  file=").append(alert.getFile().getPath());
        }
        line.append("  count=").append(alert.getCount());
        if (update) {
            line.append("  (update)");
        }
        return line.toString();
    }

    /** The ANSI colour of a severity: the more severe, the louder. */
    static String colourOf(Severity severity) {
        return switch (severity) {
            case EMERGENCY, ALERT, CRITICAL -> "\u001b[1;31m";
            case ERROR -> "\u001b[31m";
            case WARNING -> "\u001b[33m";
            case NOTICE -> "\u001b[36m";
            case INFORMATIONAL, DEBUG -> "\u001b[2m";
        };
    }

    private static String shortId(String containerId) {
        return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
    }

    @SuppressWarnings("unchecked")
    private static void ensurePresent(Map<String, Object> document, String[] path) {
        Map<String, Object> parent = document;
        for (int i = 0; i < path.length - 1; i++) {
            Object child = parent.get(path[i]);
            if (!(child instanceof Map<?, ?>)) {
                child = new LinkedHashMap<String, Object>();
                parent.put(path[i], child);
            }
            parent = (Map<String, Object>) child;
        }
        parent.putIfAbsent(path[path.length - 1], null);
    }
}
