package io.palisade.processor.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.palisade.processor.correlation.CorrelationSettings.Threshold;
import io.palisade.schema.Alert;

/**
 * PAL-CORR-002: at least {@code count} alerts of one rule from one container within the window raise one alert
 * (e.g. CPU above threshold sample after sample: a crypto-miner). Reads rule alerts keyed by container id; state:
 * store {@value #STORE} (the newest matches per rule and container).
 */
final class ThresholdCorrelation extends TallyCorrelation {

    static final String STORE = "correlation-threshold-store";

    private final Map<String, Limit> limits;

    private ThresholdCorrelation(Map<String, Limit> limits, Duration longestWindow) {
        super(STORE, longestWindow);
        this.limits = limits;
    }

    static CorrelationSupplier<Alert> supplier(CorrelationSettings settings) {
        Map<String, Limit> limits = settings.thresholds().stream().collect(Collectors.toMap(Threshold::ruleId,
                t -> new Limit(t.count(), t.within()), (a, b) -> b));
        Duration longest = settings.thresholds().stream().map(Threshold::within).max(Duration::compareTo)
                .orElse(Duration.ZERO);
        return new CorrelationSupplier<>(() -> new ThresholdCorrelation(limits, longest),
                Set.of(CorrelationSupplier.store(STORE, StateSerdes.TALLY)));
    }

    /** The rule ids any threshold counts. */
    static Set<String> ruleIds(CorrelationSettings settings) {
        return settings.thresholds().stream().map(Threshold::ruleId).collect(Collectors.toSet());
    }

    @Override
    Optional<Limit> limit(Alert alert) {
        return Optional.ofNullable(limits.get(alert.getRule().getId()));
    }

    @Override
    String dedupKey(String containerId, Alert alert) {
        return alert.getRule().getId() + '\0' + containerId;
    }

    @Override
    SlidingTally.Member member(Alert alert) {
        // Rule alerts cite one event each; an alert that cites several counts once, under its first.
        String eventId = alert.getEvidenceEventIds().isEmpty() ? alert.getId() : alert.getEvidenceEventIds().getFirst();
        return new SlidingTally.Member(eventId, eventId, alert.getFirstSeen());
    }

    @Override
    Alert alert(String dedupKey, SlidingTally tally, Alert last) {
        CorrelationRule rule = CorrelationCatalog.threshold(last.getRule().getId());
        Instant first = tally.members().getFirst().at();
        String container = Wording.container(last.getContainer());
        String message = "%s %d times within %s in container %s on %s".formatted(last.getRule().getName(),
                tally.members().size(), Wording.duration(Duration.between(first, last.getFirstSeen())), container,
                last.getHost().getName());
        return rule.alert(dedupKey, first, message, first, last.getLastSeen(), tally.members().size())
                .setHost(last.getHost())
                .setContainer(last.getContainer())
                .setProcess(last.getProcess())
                .setUser(last.getUser())
                .setFile(last.getFile())
                .setEvidenceEventIds(tally.evidenceIds())
                .build();
    }
}
