package io.palisade.processor.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import io.palisade.schema.Alert;

/**
 * PAL-CORR-004: the same rule firing on at least {@code fleetMinHosts} distinct hosts within {@code fleetWindow}
 * raises one campaign alert, citing one alert id per host. Reads rule alerts keyed by rule id; state: store
 * {@value #STORE} (per rule, the newest alert of each recent host).
 */
final class FleetCorrelation extends TallyCorrelation {

    static final String STORE = "correlation-fleet-store";

    private final Limit limit;

    private FleetCorrelation(Limit limit) {
        super(STORE, limit.window());
        this.limit = limit;
    }

    static CorrelationSupplier<Alert> supplier(CorrelationSettings settings) {
        Limit limit = new Limit(settings.fleetMinHosts(), settings.fleetWindow());
        return new CorrelationSupplier<>(() -> new FleetCorrelation(limit),
                Set.of(CorrelationSupplier.store(STORE, StateSerdes.TALLY)));
    }

    @Override
    Optional<Limit> limit(Alert alert) {
        return Optional.of(limit);
    }

    @Override
    String dedupKey(String ruleId, Alert alert) {
        return alert.getRule().getId();
    }

    @Override
    SlidingTally.Member member(Alert alert) {
        return new SlidingTally.Member(alert.getHost().getId(), alert.getId(), alert.getFirstSeen());
    }

    @Override
    Alert alert(String dedupKey, SlidingTally tally, Alert last) {
        Instant first = tally.members().getFirst().at();
        String message = "%s (%s) fired on %d hosts within %s".formatted(last.getRule().getName(), dedupKey, tally.members().size(),
                Wording.duration(Duration.between(first, last.getFirstSeen())));
        // No host or container: a campaign spans hosts; the evidence lists one alert per host.
        return CorrelationCatalog.FLEET.alert(dedupKey, first, message, first, last.getLastSeen(),
                        tally.members().size())
                .setEvidenceEventIds(tally.evidenceIds())
                .build();
    }
}
