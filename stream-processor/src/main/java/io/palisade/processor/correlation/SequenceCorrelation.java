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
 * container and the first alert's event time. The order is that of event time, not of arrival: the two alerts come
 * from different topics through different tasks, and a processor catching up reads one topic ahead of another, so
 * a next-rule alert that arrives first waits in the store for a first alert that happened before it.
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
            if (ruleId.equals(sequence.thenRuleId())) {
                next(sequence, key, state, alert, at);
            } else if (ruleId.equals(sequence.firstRuleId())) {
                first(sequence, key, state, alert, at);
            }
        }
    }

    /** A next-rule alert completes an armed sequence, or waits for a first alert that may still arrive. */
    private void next(Sequence sequence, String key, ArmedSequence state, Alert then, Instant at) {
        if (state != null && state.awaits(at, sequence.within())) {
            emit(alert(sequence, key, state.first(), then));
            armed.put(key, state.completed());
        } else if (state == null) {
            armed.put(key, ArmedSequence.waiting(then));
        } else if (state.then() == null || at.isAfter(state.then().getFirstSeen())) {
            armed.put(key, state.withThen(then));
        }
    }

    /**
     * A first-rule alert completes the sequence at once with a next-rule alert that arrived before it but happened
     * within its window. Otherwise it arms the sequence, unless one armed earlier has fired within its window or an
     * armed one happened later (it arrived before this one, which came late): the window counts from the latest.
     */
    private void first(Sequence sequence, String key, ArmedSequence state, Alert first, Instant at) {
        if (state != null && state.fired() && state.covers(at, sequence.within())) {
            return;
        }
        ArmedSequence rearmed = state == null ? ArmedSequence.armed(first) : state.withFirst(first);
        Alert waiting = rearmed.then();
        if (waiting != null && rearmed.awaits(waiting.getFirstSeen(), sequence.within())) {
            emit(alert(sequence, key, first, waiting));
            armed.put(key, rearmed.completed());
        } else if (state == null || !state.armedAfter(at)) {
            armed.put(key, rearmed);
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
