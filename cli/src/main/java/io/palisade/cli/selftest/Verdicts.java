package io.palisade.cli.selftest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.palisade.schema.Alert;

/**
 * The outcome of every expectation so far, fed with the alerts as they arrive (from one thread) while the actions are
 * registered (from another). An expectation keeps the first alert attributed to the right container; a wrongly
 * attributed alert is kept only until a right one arrives. Alerts of the awaited rules are also kept, so that an
 * expectation registered after its alert arrived (a posture alert is quick) still finds it.
 */
final class Verdicts {

    /** Collector and self-test clocks are the same host's, but an alert's last_seen may lag a little. */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

    private final Set<String> ruleIds;
    private final Instant since;
    private final Map<Expectation, Outcome> outcomes = new LinkedHashMap<>();
    private final List<Arrival> arrivals = new ArrayList<>();

    private record Arrival(Alert alert, Instant at) {
    }

    /**
     * @param ruleIds the rules any expectation may wait for
     * @param since   when the run started: alerts last seen before it are not kept
     */
    Verdicts(Set<String> ruleIds, Instant since) {
        this.ruleIds = Set.copyOf(ruleIds);
        this.since = since.minus(CLOCK_MARGIN);
    }

    /**
     * Waits for the expectations of one action, all at once (so its container is not thought done after its first
     * rule), answered by the alerts already kept and those to come.
     *
     * @return as {@link #offer}
     */
    synchronized Set<String> expect(List<Expectation> expectations) {
        expectations.forEach(expectation -> outcomes.put(expectation, Outcome.waiting(expectation)));
        Set<String> completed = new TreeSet<>();
        arrivals.forEach(arrival -> completed.addAll(record(arrival.alert(), arrival.at())));
        return completed;
    }

    /** The action behind these expectations could not be performed: nothing will answer them. */
    synchronized void fail(List<Expectation> expectations, String error) {
        expectations.forEach(expectation -> outcomes.put(expectation, Outcome.failed(expectation, error)));
        notifyAll();
    }

    /**
     * Records {@code alert} for every expectation it answers, and keeps it for those to come when it is of an awaited
     * rule and recent.
     *
     * @return the containers whose every expectation has now passed (to be removed early: a CPU burner, for one)
     */
    synchronized Set<String> offer(Alert alert, Instant arrived) {
        if (!ruleIds.contains(alert.getRule().getId()) || alert.getLastSeen().isBefore(since)) {
            return Set.of();
        }
        arrivals.add(new Arrival(alert, arrived));
        Set<String> completed = record(alert, arrived);
        notifyAll();
        return completed;
    }

    private Set<String> record(Alert alert, Instant arrived) {
        Set<String> completed = new TreeSet<>();
        for (Map.Entry<Expectation, Outcome> entry : outcomes.entrySet()) {
            Expectation expectation = entry.getKey();
            Outcome before = entry.getValue();
            if (before.passed() || before.error() != null || !expectation.evidencedBy(alert)) {
                continue;
            }
            boolean correct = expectation.attributedCorrectly(alert);
            if (!before.seen() || correct) {
                entry.setValue(new Outcome(expectation, alert.getId(), Expectation.containerIdOf(alert), correct,
                        alert.getFirstSeen(), arrived, null));
                if (correct && expectation.containerId() != null && allPassed(expectation.containerId())) {
                    completed.add(expectation.containerId());
                }
            }
        }
        return completed;
    }

    /**
     * Waits until every expectation passed or failed to be performed, or {@code deadline} passed.
     *
     * @return whether every expectation is settled
     */
    synchronized boolean awaitSettled(Instant deadline) throws InterruptedException {
        while (!settled()) {
            long millis = Duration.between(Instant.now(), deadline).toMillis();
            if (millis <= 0) {
                return false;
            }
            wait(millis);
        }
        return true;
    }

    /** Whether every expectation of {@code containerId} passed or failed to be performed. */
    synchronized boolean settled(String containerId) {
        return outcomes.values().stream().filter(o -> containerId.equals(o.expectation().containerId()))
                .allMatch(outcome -> outcome.passed() || outcome.error() != null);
    }

    /** Waits until {@code expectation} passed, or {@code timeout} passed; says whether it did. */
    synchronized boolean awaitPassed(Expectation expectation, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!outcomes.get(expectation).passed()) {
            long millis = Duration.between(Instant.now(), deadline).toMillis();
            if (millis <= 0) {
                return false;
            }
            wait(millis);
        }
        return true;
    }

    synchronized List<Outcome> outcomes() {
        return new ArrayList<>(outcomes.values());
    }

    private boolean settled() {
        return outcomes.values().stream().allMatch(outcome -> outcome.passed() || outcome.error() != null);
    }

    private boolean allPassed(String containerId) {
        return outcomes.values().stream().filter(o -> containerId.equals(o.expectation().containerId()))
                .allMatch(Outcome::passed);
    }
}
