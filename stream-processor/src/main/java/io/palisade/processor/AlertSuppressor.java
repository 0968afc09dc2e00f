package io.palisade.processor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.palisade.processor.support.AlertIds;
import io.palisade.processor.support.RecentlyUsed;
import io.palisade.schema.Alert;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns a burst of repeats of one finding into one counted alert (issue 4), keyed by alert id; writes
 * palisade.alerts.
 *
 * <p>Emission policy: the first occurrence of an id is written at once (count 1), so nobody waits for news of an
 * attack. Repeats only update the changelogged state (store {@value #STORE} or {@value #LOCAL_STORE}, see
 * {@link SecurityTopology}); a wall-clock punctuator writes the alert
 * again, under the same id with the higher count and later last_seen, at most once per emit interval and only when
 * something changed. When stream time (the latest event time seen) passes the end of the alert's window plus the
 * grace, a last update is written if anything changed since the previous one, and the state is dropped. A burst of
 * thousands therefore yields a handful of records whose last one carries the full count, and every repeat is counted
 * in some record: nothing is dropped. Sinks upsert by id, so each update replaces the previous document.
 *
 * <p>The same processor combines repeats before the repartition by alert id (store {@value #COMBINING_STORE}): there
 * it writes {@link Updates#INCREMENT increments}, the repeats since its previous record, which the suppressor after
 * the repartition adds up like any repeat. A repeat then crosses the repartition topic once per interval and task
 * instead of once per event.
 *
 * <p>State and output commit in one exactly-once transaction, so after a crash the restored state says exactly which
 * count was last written: no (id, count) record is written twice.
 */
final class AlertSuppressor implements Processor<String, Alert, String, Alert> {

    /** The state of alerts whose repeats may come from any container or host, after the repartition by alert id. */
    static final String STORE = "palisade-suppression";
    /** The state of alerts of one container, suppressed in the task of that container without a repartition. */
    static final String LOCAL_STORE = "palisade-suppression-local";
    /** The repeats counted in the task that found them, before the repartition by alert id. */
    static final String COMBINING_STORE = "palisade-suppression-combining";

    /** What the record written for an alert with news carries. */
    enum Updates {
        /** The alert as it stands since its window opened: for palisade.alerts, where sinks upsert it by id. */
        RUNNING_TOTAL,
        /** Only the repeats since the previous record: for a suppressor downstream, which adds them up. */
        INCREMENT
    }

    /**
     * Alerts a burst keeps repeating: the decoded state, written through to the store, so a repeat costs one encoding
     * instead of a decoding, a deep copy and an encoding. Only a copy of the store, lost with the task like the
     * instance itself.
     */
    private static final int DECODED_ALERTS = 10_000;

    /** What {@link #nextClose} holds before the store was first scanned: nothing known, scan at the next flush. */
    private static final long UNKNOWN = Long.MIN_VALUE;

    private final Map<String, SuppressedAlert> decoded = new RecentlyUsed<>(DECODED_ALERTS);
    /**
     * Ids whose repeats were counted since their last record: what the next flush writes, so that a flush costs what
     * changed, not what the store holds (every distinct alert of the window, decoded). In memory only: the first
     * flush after a start scans the whole store instead, which finds the news an earlier instance left.
     */
    private final Set<String> withNews = new LinkedHashSet<>();
    /** Stream time at which the earliest window in the store closes; until then no flush needs a full scan. */
    private long nextClose = UNKNOWN;
    private final String storeName;
    private final Updates updates;
    private final Duration window;
    private final Duration emitInterval;
    private final Duration grace;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, SuppressedAlert> state;

    AlertSuppressor(String storeName, Updates updates, Duration window, Duration emitInterval, Duration grace) {
        this.storeName = storeName;
        this.updates = updates;
        this.window = window;
        this.emitInterval = emitInterval;
        this.grace = grace;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.state = context.getStateStore(storeName);
        context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> flush());
    }

    @Override
    public void process(Record<String, Alert> record) {
        SuppressedAlert current = read(record.key());
        if (current == null) {
            // A copy: the state is merged into in place, and the alert forwarded here also went to the correlations.
            SuppressedAlert first = new SuppressedAlert(AlertMerge.mergeableCopy(record.value()), 0).emitted();
            write(record.key(), first);
            emit(first.alert());
            if (nextClose != UNKNOWN) {
                nextClose = Math.min(nextClose, closeTime(first.alert()));
            }
        } else {
            AlertMerge.into(current.alert(), record.value());
            write(record.key(), current);
            withNews.add(record.key());
        }
    }

    private SuppressedAlert read(String id) {
        SuppressedAlert known = decoded.get(id);
        if (known == null) {
            known = state.get(id);
            if (known != null) {
                decoded.put(id, known);
            }
        }
        return known;
    }

    private void write(String id, SuppressedAlert suppressed) {
        state.put(id, suppressed);
        decoded.put(id, suppressed);
    }

    /**
     * Writes every alert with news since its last record; closes the windows stream time has left behind, which
     * takes a pass over the whole store, done only when one of them has closed (windows are aligned, so most close
     * together) or nothing is known yet of the store.
     */
    private void flush() {
        long streamTime = context.currentStreamTimeMs();
        if (nextClose == UNKNOWN || nextClose <= streamTime) {
            scanAll(streamTime);
        } else {
            for (String id : withNews) {
                SuppressedAlert suppressed = read(id);
                if (suppressed != null && suppressed.hasNews()) {
                    emitNews(id, suppressed);
                }
            }
        }
        withNews.clear();
    }

    private void scanAll(long streamTime) {
        List<KeyValue<String, SuppressedAlert>> all = new ArrayList<>();
        try (KeyValueIterator<String, SuppressedAlert> it = state.all()) {
            it.forEachRemaining(all::add);
        }
        long earliestOpen = Long.MAX_VALUE;
        for (KeyValue<String, SuppressedAlert> entry : all) {
            SuppressedAlert suppressed = entry.value.hasNews() ? emitNews(entry.key, entry.value) : entry.value;
            long close = closeTime(suppressed.alert());
            if (close <= streamTime) {
                state.delete(entry.key);
                decoded.remove(entry.key);
            } else {
                earliestOpen = Math.min(earliestOpen, close);
            }
        }
        nextClose = earliestOpen;
    }

    private SuppressedAlert emitNews(String id, SuppressedAlert suppressed) {
        emit(updates == Updates.RUNNING_TOTAL ? suppressed.alert() : increment(suppressed));
        SuppressedAlert emitted = suppressed.emitted();
        write(id, emitted);
        return emitted;
    }

    /**
     * The repeats since the last record: their count, and the alert's seen times and evidence sample, which the
     * suppressor downstream merges without doubling them.
     */
    private static Alert increment(SuppressedAlert suppressed) {
        Alert increment = AlertMerge.mergeableCopy(suppressed.alert());
        increment.put("count", suppressed.alert().getCount() - suppressed.emittedCount());
        return increment;
    }

    /** The stream time at which the alert's window, and its grace, are over. */
    private long closeTime(Alert alert) {
        Instant windowEnd = AlertIds.windowStart(alert.getFirstSeen(), window).plus(window);
        return windowEnd.plus(grace).toEpochMilli();
    }

    private void emit(Alert alert) {
        context.forward(new Record<>(alert.getId(), alert, alert.getLastSeen().toEpochMilli()));
    }
}
