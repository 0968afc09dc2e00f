package io.palisade.processor.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.palisade.processor.correlation.CorrelationSettings.Sequence;
import io.palisade.schema.Alert;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * PAL-CORR-001: an alert of a sequence's first rule, then one of its next rule, in the same container within the
 * sequence's window, raise one alert citing the evidence of both. Reads rule alerts keyed by container id; state:
 * store {@value #STORE} (the latest first alert per sequence and container).
 *
 * <p>A later first alert replaces an earlier one that has not completed, so the window counts from the latest shell.
 * Once fired, more alerts within that window change nothing; the alert id is derived from the sequence, the
 * container and the first alert's event time.
 */
final class SequenceCorrelation extends CorrelationProcessor<Alert> {

    static final String STORE = "correlation-sequence-store";

    private final List<Sequence> sequences;
    private KeyValueStore<String, ArmedSequence> armed;

    private SequenceCorrelation(List<Sequence> sequences) {
        this.sequences = sequences;
    }

    static CorrelationSupplier<Alert> supplier(CorrelationSettings settings) {
        return new CorrelationSupplier<>(() -> new SequenceCorrelation(settings.sequences()),
                Set.of(CorrelationSupplier.store(STORE, StateSerdes.SEQUENCE)));
    }

    /** The rule ids any sequence needs to see. */
    static Set<String> ruleIds(CorrelationSettings settings) {
        return settings.sequences().stream().flatMap(s -> Stream.of(s.firstRuleId(), s.thenRuleId()))
                .collect(Collectors.toSet());
    }

    @Override
    void openStores(ProcessorContext<String, Alert> context) {
        armed = context.getStateStore(STORE);
    }

    @Override
    Instant eventTime(Alert alert) {
        return alert.getFirstSeen();
    }

    @Override
    void correlate(String containerId, Alert alert, Instant at) {
        String ruleId = alert.getRule().getId();
        for (Sequence sequence : sequences) {
            String key = dedupKey(sequence, containerId);
            ArmedSequence state = armed.get(key);
            if (ruleId.equals(sequence.thenRuleId()) && state != null && !state.fired()
                    && state.covers(at, sequence.within())) {
                emit(alert(sequence, key, state.first(), alert));
                armed.put(key, new ArmedSequence(state.first(), true));
            } else if (ruleId.equals(sequence.firstRuleId())
                    && (state == null || !state.fired() || !state.covers(at, sequence.within()))) {
                armed.put(key, new ArmedSequence(alert, false));
            }
        }
    }

    private static String dedupKey(Sequence sequence, String containerId) {
        return sequence.firstRuleId() + '>' + sequence.thenRuleId() + '\0' + containerId;
    }

    private static Alert alert(Sequence sequence, String dedupKey, Alert first, Alert then) {
        CorrelationRule rule = CorrelationCatalog.SEQUENCE;
        String container = Wording.container(then.getContainer());
        String message = "%s then %s in container %s on %s within %s".formatted(first.getRule().getName(),
                then.getRule().getName(), container, then.getHost().getName(),
                Wording.duration(Duration.between(first.getFirstSeen(), then.getFirstSeen())));
        return rule.alert(dedupKey, first.getFirstSeen(), message, first.getFirstSeen(), then.getLastSeen(), 2)
                .setHost(then.getHost())
                .setContainer(then.getContainer())
                .setProcess(first.getProcess() != null ? first.getProcess() : then.getProcess())
                .setUser(first.getUser() != null ? first.getUser() : then.getUser())
                .setFile(then.getFile() != null ? then.getFile() : first.getFile())
                .setEvidenceEventIds(Stream.concat(first.getEvidenceEventIds().stream(),
                        then.getEvidenceEventIds().stream()).toList())
                .build();
    }

    @Override
    void purge(Instant latest) {
        Duration longest = sequences.stream().map(Sequence::within).max(Duration::compareTo)
                .orElse(Duration.ZERO);
        purgeWhere(armed, state -> state.start().plus(longest).isBefore(latest));
    }
}
