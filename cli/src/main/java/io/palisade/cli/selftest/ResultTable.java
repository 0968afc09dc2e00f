package io.palisade.cli.selftest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How a {@link SelftestResult} is shown: a table for people (one row per expected alert: action, where it ran,
 * rule, seen, attribution, latencies) with a verdict line, or one JSON object for scripts. Pure: no I/O.
 */
public final class ResultTable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HEADER = List.of("ACTION", "WHERE", "EXPECTED RULE", "SEEN", "ATTRIBUTION",
            "TO FIRST_SEEN", "TO ARRIVAL");

    private ResultTable() {
    }

    /** The table, its verdict line and, for each failed action, why. */
    public static String text(SelftestResult result) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Outcome outcome : result.outcomes()) {
            Expectation expected = outcome.expectation();
            rows.add(List.of(expected.description(), where(expected.containerId()), expected.ruleId(),
                    outcome.seen() ? "yes" : "no", attribution(outcome), seconds(outcome.toFirstSeen()),
                    seconds(outcome.toArrival())));
        }
        StringBuilder text = new StringBuilder();
        int[] widths = widths(rows);
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.size(); column++) {
                line.append(String.format("%-" + widths[column] + "s", row.get(column))).append("  ");
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        result.outcomes().stream().filter(outcome -> outcome.error() != null)
                .map(outcome -> outcome.expectation().action() + ": not performed: " + outcome.error()).distinct()
                .forEach(error -> text.append(error).append('\n'));
        text.append(verdict(result)).append('\n');
        return text.toString();
    }

    /** One JSON object: the run, {@code passed}, and one result per expected alert; absent values are null. */
    public static String json(SelftestResult result) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("run_id", result.runId());
        document.put("image", result.image());
        document.put("timeout_seconds", result.timeout().toSeconds());
        document.put("passed", result.passed());
        List<Map<String, Object>> results = new ArrayList<>();
        for (Outcome outcome : result.outcomes()) {
            Expectation expected = outcome.expectation();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("action", expected.action());
            row.put("description", expected.description());
            row.put("rule_id", expected.ruleId());
            row.put("expected_container_id", expected.containerId());
            row.put("performed_at", expected.performedAt().toString());
            row.put("seen", outcome.seen());
            row.put("attribution_correct", outcome.attributionCorrect());
            row.put("alert_id", outcome.alertId());
            row.put("alert_container_id", outcome.alertContainerId());
            row.put("to_first_seen_ms", outcome.toFirstSeen().map(Duration::toMillis).orElse(null));
            row.put("to_arrival_ms", outcome.toArrival().map(Duration::toMillis).orElse(null));
            row.put("error", outcome.error());
            results.add(row);
        }
        document.put("results", results);
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("self-test result cannot be written as JSON", e);
        }
    }

    static String verdict(SelftestResult result) {
        int total = result.outcomes().size();
        return result.passed()
                ? "PASSED: all " + total + " expected alerts seen, each with the right container (run "
                        + result.runId() + ")."
                : "FAILED: " + (total - result.passedCount()) + " of " + total + " expected alerts missing or "
                        + "attributed to the wrong container within " + result.timeout().toSeconds() + " s (run "
                        + result.runId() + ").";
    }

    private static String where(String containerId) {
        return containerId == null ? "host" : "container " + shortId(containerId);
    }

    private static String attribution(Outcome outcome) {
        if (!outcome.seen()) {
            return "-";
        }
        if (outcome.attributionCorrect()) {
            return "correct";
        }
        return "wrong: " + (outcome.alertContainerId() == null ? "no container" : shortId(outcome.alertContainerId()));
    }

    private static String seconds(Optional<Duration> duration) {
        return duration.map(d -> String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0)).orElse("-");
    }

    private static String shortId(String containerId) {
        return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
    }

    private static int[] widths(List<List<String>> rows) {
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        return widths;
    }
}
