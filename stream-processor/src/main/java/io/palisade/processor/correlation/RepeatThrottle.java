package io.palisade.processor.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

import io.palisade.processor.support.RecentlyUsed;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Lets a record through to a correlation's repartition topic only when none with the same repeat key went through
 * within the last {@code interval} of event time; the repeats it holds back would tell the correlation nothing new.
 * Each correlation input is repartitioned (serialized, written, read back) once per record, which cost more than the
 * rules themselves when every process exec and every alert went through.
 *
 * <p>What counts as "nothing new" is the caller's: the first-seen correlation ignores an executable it already knows,
 * whatever the interval; the fleet correlation needs a host's newest alert of a rule only to within a few seconds of a
 * ten-minute window; the image baseline needs one sample per container per collector interval.
 *
 * <p>The memory is a bounded, in-process map, deliberately not a store: losing it (crash, rebalance) only lets more
 * repeats through, never fewer, so exactly-once results do not depend on it. When full it forgets the least recently
 * seen key, which again only lets a repeat through.
 *
 * @param <V> the records throttled
 */
final class RepeatThrottle<V> implements FixedKeyProcessor<String, V, V> {

    /** Keys remembered per task: enough for every (rule, host) or (image, executable) pair of a large fleet. */
    static final int MAX_KEYS = 50_000;

    private final Function<V, String> repeatKey;
    private final Function<V, Instant> eventTime;
    private final long intervalMillis;
    private final Map<String, Long> lastLetThrough = new RecentlyUsed<>(MAX_KEYS);
    private FixedKeyProcessorContext<String, V> context;

    /**
     * @param repeatKey what makes two records repeats of each other
     * @param eventTime the record's event time
     * @param interval  how long after one record its repeats are held back; {@code null} for as long as it is
     *                  remembered
     */
    RepeatThrottle(Function<V, String> repeatKey, Function<V, Instant> eventTime, Duration interval) {
        this.repeatKey = repeatKey;
        this.eventTime = eventTime;
        this.intervalMillis = interval == null ? Long.MAX_VALUE : interval.toMillis();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        String key = repeatKey.apply(record.value());
        long at = eventTime.apply(record.value()).toEpochMilli();
        Long last = lastLetThrough.get(key);
        // An older record than the last one let through is a repeat too: the correlation already has a newer one.
        if (last == null || at - last >= intervalMillis) {
            lastLetThrough.put(key, at);
            context.forward(record);
        }
    }
}
