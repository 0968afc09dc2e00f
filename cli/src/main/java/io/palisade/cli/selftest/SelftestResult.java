package io.palisade.cli.selftest;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of one self-test run.
 *
 * @param runId    this run's id, the prefix of every marker (container names {@code palisade-selftest-<run>-<action>})
 * @param image    the image the containers ran
 * @param timeout  how long alerts were waited for after the last action
 * @param outcomes one per expected alert, in the order the actions ran
 */
public record SelftestResult(String runId, String image, Duration timeout, List<Outcome> outcomes) {

    public SelftestResult {
        outcomes = List.copyOf(outcomes);
    }

    /** Every expected alert seen and attributed to the right container. */
    public boolean passed() {
        return outcomes.stream().allMatch(Outcome::passed);
    }

    public long passedCount() {
        return outcomes.stream().filter(Outcome::passed).count();
    }
}
