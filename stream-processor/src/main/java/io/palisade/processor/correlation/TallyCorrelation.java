package io.palisade.processor.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.palisade.schema.Alert;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * "At least N matching alerts within a window": keeps a {@link SlidingTally} per dedup key in one store and fires once
 * when it fills, then stays quiet for one window. Subclasses say which alerts count, under which key, and what the
 * resulting alert says. The alert id is derived from the dedup key and the event time of the oldest counted alert.
 */
abstract class TallyCorrelation extends CorrelationProcessor<Alert> {

    /** How many members within how long fire, for one kind of alert. */
    record Limit(int count, Duration window) {
    }

    private final String storeName;
    private final Duration longestWindow;
    private KeyValueStore<String, SlidingTally> tallies;

    TallyCorrelation(String storeName, Duration longestWindow) {
        this.storeName = storeName;
        this.longestWindow = longestWindow;
    }

    /** The limit that applies to {@code alert}, or empty when it does not count. */
    abstract Optional<Limit> limit(Alert alert);

    /** The key alerts are counted under. */
    abstract String dedupKey(String key, Alert alert);

    /** How {@code alert} counts: its distinct key and what to cite. */
    abstract SlidingTally.Member member(Alert alert);

    /** The alert raised when {@code tally} filled with {@code last} as the latest member. */
    abstract Alert alert(String dedupKey, SlidingTally tally, Alert last);

    @Override
    final void openStores(ProcessorContext<String, Alert> context) {
        tallies = context.getStateStore(storeName);
    }

    @Override
    final Instant eventTime(Alert alert) {
        return alert.getFirstSeen();
    }

    @Override
    final void correlate(String key, Alert alert, Instant at) {
        Optional<Limit> limit = limit(alert);
        if (limit.isEmpty()) {
            return;
        }
        String dedupKey = dedupKey(key, alert);
        SlidingTally tally = Optional.ofNullable(tallies.get(dedupKey)).orElse(SlidingTally.EMPTY)
                .with(member(alert), limit.get().window(), limit.get().count());
        if (tally.due(limit.get().count())) {
            emit(alert(dedupKey, tally, alert));
            tally = tally.fired(limit.get().window());
        }
        tallies.put(dedupKey, tally);
    }

    @Override
    final void purge(Instant latest) {
        purgeWhere(tallies, tally -> tally.expired(latest, longestWindow));
    }
}
