package io.palisade.sinks.slack;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.palisade.schema.Alert;
import io.palisade.schema.Severity;

/**
 * What a digest message says about the alerts it stands for: how many, by severity, by rule and by host, and when.
 * Each tally adds up to {@link #total()} (rules and hosts beyond the top ones are summed as "others"), so no alert
 * is silently left out of a digest.
 *
 * @param total       the alerts summed up
 * @param bySeverity  alerts per severity, most severe first; only severities that occur
 * @param byRule      alerts per rule, most frequent first
 * @param byHost      alerts per host name, most frequent first; alerts without a host are under {@code null}
 * @param firstSeen   the earliest first_seen
 * @param lastSeen    the latest last_seen
 */
record AlertDigest(int total, Map<Severity, Long> bySeverity, List<Tally> byRule, List<Tally> byHost,
                   Instant firstSeen, Instant lastSeen) {

    /** One line of a tally: a rule (id and name) or a host, and its number of alerts. */
    record Tally(String key, String label, long count) {
    }

    static AlertDigest of(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a digest needs at least one alert");
        }
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        alerts.forEach(alert -> bySeverity.merge(alert.getRule().getSeverity(), 1L, Long::sum));
        Map<Severity, Long> mostSevereFirst = new LinkedHashMap<>();
        bySeverity.keySet().stream().sorted(Comparator.reverseOrder())
                .forEach(severity -> mostSevereFirst.put(severity, bySeverity.get(severity)));
        Instant first = alerts.stream().map(Alert::getFirstSeen).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = alerts.stream().map(Alert::getLastSeen).max(Comparator.naturalOrder()).orElseThrow();
        return new AlertDigest(alerts.size(), mostSevereFirst,
                tally(alerts, alert -> alert.getRule().getId(), alert -> alert.getRule().getName()),
                tally(alerts, AlertDigest::hostName, AlertDigest::hostName), first, last);
    }

    Severity maxSeverity() {
        return bySeverity.keySet().iterator().next();
    }

    private static String hostName(Alert alert) {
        return alert.getHost() == null ? null : alert.getHost().getName();
    }

    private static List<Tally> tally(List<Alert> alerts, Function<Alert, String> key, Function<Alert, String> label) {
        // Optional keys because groupingBy refuses null ones, and "no host" must not merge with a host named "null".
        Map<Optional<String>, Long> counts = alerts.stream().collect(Collectors.groupingBy(
                alert -> Optional.ofNullable(key.apply(alert)), LinkedHashMap::new, Collectors.counting()));
        Map<Optional<String>, String> labels = new LinkedHashMap<>();
        alerts.forEach(alert -> labels.putIfAbsent(Optional.ofNullable(key.apply(alert)), label.apply(alert)));
        return counts.entrySet().stream()
                .map(entry -> new Tally(entry.getKey().orElse(null), labels.get(entry.getKey()), entry.getValue()))
                .sorted(Comparator.comparingLong(Tally::count).reversed()
                        .thenComparing(Tally::key, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }
}
