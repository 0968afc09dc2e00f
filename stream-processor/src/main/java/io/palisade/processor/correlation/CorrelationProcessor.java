package io.palisade.processor.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.palisade.schema.Alert;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every correlation does alike: it judges each record at its event time, forwards its alerts keyed by alert id
 * with their event time as record timestamp, and now and then drops state entries that event time has left behind.
 *
 * <p>The highest event time seen is kept in a field, not a store: losing it in a crash only delays the next purge
 * until records arrive again; no decision depends on it.
 *
 * @param <V> the kind of record correlated
 */
abstract class CorrelationProcessor<V> implements Processor<String, V, String, Alert> {

    private static final Logger LOG = LoggerFactory.getLogger(CorrelationProcessor.class);

    /** How often stale entries are looked for; when, not which, so wall clock is fine here. */
    static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private ProcessorContext<String, Alert> context;
    private Instant latest = Instant.EPOCH;

    @Override
    public final void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        openStores(context);
        context.schedule(PURGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> purge(latest));
    }

    @Override
    public final void process(Record<String, V> record) {
        Instant at = eventTime(record.value());
        if (at.isAfter(latest)) {
            latest = at;
        }
        correlate(record.key(), record.value(), at);
    }

    /** Looks up the stores this correlation declared. */
    abstract void openStores(ProcessorContext<String, Alert> context);

    abstract Instant eventTime(V value);

    /** Updates state with one record and emits what it completes. */
    abstract void correlate(String key, V value, Instant at);

    /** Drops entries that cannot matter any more now that event time has reached {@code latest}. */
    abstract void purge(Instant latest);

    final void emit(Alert alert) {
        LOG.atInfo().setMessage("correlation alert").addKeyValue("rule", alert.getRule().getId())
                .addKeyValue("alert", alert.getId()).addKeyValue("evidence", alert.getEvidenceEventIds().size()).log();
        context.forward(new Record<>(alert.getId(), alert, alert.getLastSeen().toEpochMilli()));
    }

    /** Deletes every entry of {@code store} whose value is {@code stale}. */
    static <T> void purgeWhere(KeyValueStore<String, T> store, Predicate<T> stale) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, T> entries = store.all()) {
            while (entries.hasNext()) {
                KeyValue<String, T> entry = entries.next();
                if (stale.test(entry.value)) {
                    keys.add(entry.key);
                }
            }
        }
        keys.forEach(store::delete);
    }
}
