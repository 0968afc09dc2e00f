package io.palisade.cli.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant PERFORMED = Instant.parse("2026-11-23T12:00:00Z");
    private static final String CONTAINER = "0123456789ab" + "c".repeat(52);

    private final Expectation shell = new Expectation("shell", "shell in a container", "PAL-PROC-001", CONTAINER,
            "run1-shell", PERFORMED);
    private final Expectation keys = new Expectation("authorized-keys", "authorized_keys changed", "PAL-FILE-003",
            null, "run1-authorized-keys", PERFORMED);
    private final Expectation burn = new Expectation("cpu-burn", "CPU burn", "PAL-STAT-001", null, "run1-cpu-burn",
            PERFORMED);

    private final SelftestResult mixed = new SelftestResult("run1", "busybox", Duration.ofSeconds(90), List.of(
            new Outcome(shell, "alert-1", CONTAINER, true, PERFORMED.plusMillis(400), PERFORMED.plusMillis(2100), null),
            new Outcome(keys, "alert-2", "f".repeat(64), false, PERFORMED.plusSeconds(1), PERFORMED.plusSeconds(2),
                    null),
            Outcome.failed(burn, "container not started: no such image")));

    @Test
    void tableHasOneRowPerExpectedAlertWithWhereSeenAttributionAndLatencies() {
        List<String> lines = ResultTable.text(mixed).lines().toList();

        assertThat(lines.getFirst()).startsWith("ACTION").contains("EXPECTED RULE", "SEEN", "ATTRIBUTION",
                "TO FIRST_SEEN", "TO ARRIVAL");
        assertThat(lines.get(1)).contains("shell in a container", "container 0123456789ab", "PAL-PROC-001", "yes",
                "correct", "0.4 s", "2.1 s");
        assertThat(lines.get(2)).contains("host", "PAL-FILE-003", "yes", "wrong: ffffffffffff");
        assertThat(lines.get(3)).contains("PAL-STAT-001", "no", " - ");
        assertThat(lines).contains("cpu-burn: not performed: container not started: no such image");
        assertThat(lines.getLast()).isEqualTo("FAILED: 2 of 3 expected alerts missing or attributed to the wrong "
                + "container within 90 s (run run1).");
    }

    @Test
    void allSeenRightlyPasses() {
        SelftestResult passed = new SelftestResult("run2", "busybox", Duration.ofSeconds(90), List.of(
                new Outcome(shell, "alert-1", CONTAINER, true, PERFORMED, PERFORMED.plusSeconds(1), null)));

        assertThat(passed.passed()).isTrue();
        assertThat(ResultTable.text(passed).lines().toList().getLast())
                .isEqualTo("PASSED: all 1 expected alerts seen, each with the right container (run run2).");
    }

    @Test
    void jsonCarriesEveryResultForScripts() throws Exception {
        JsonNode json = JSON.readTree(ResultTable.json(mixed));

        assertThat(json.get("run_id").asText()).isEqualTo("run1");
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("timeout_seconds").asLong()).isEqualTo(90);
        JsonNode first = json.at("/results/0");
        assertThat(first.get("action").asText()).isEqualTo("shell");
        assertThat(first.get("rule_id").asText()).isEqualTo("PAL-PROC-001");
        assertThat(first.get("expected_container_id").asText()).isEqualTo(CONTAINER);
        assertThat(first.get("alert_container_id").asText()).isEqualTo(CONTAINER);
        assertThat(first.get("seen").asBoolean()).isTrue();
        assertThat(first.get("attribution_correct").asBoolean()).isTrue();
        assertThat(first.get("to_first_seen_ms").asLong()).isEqualTo(400);
        assertThat(first.get("to_arrival_ms").asLong()).isEqualTo(2100);
        assertThat(json.at("/results/1/attribution_correct").asBoolean()).isFalse();
        assertThat(json.at("/results/1/expected_container_id").isNull()).isTrue();
        JsonNode failed = json.at("/results/2");
        assertThat(failed.get("seen").asBoolean()).isFalse();
        assertThat(failed.get("to_arrival_ms").isNull()).isTrue();
        assertThat(failed.get("error").asText()).isEqualTo("container not started: no such image");
    }
}
