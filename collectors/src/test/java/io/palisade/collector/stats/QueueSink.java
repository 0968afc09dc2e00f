package io.palisade.collector.stats;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.palisade.collector.EventSink;
import io.palisade.schema.topic.Topic;
import org.apache.avro.specific.SpecificRecord;

/** An {@link EventSink} that keeps what sources publish, for tests that need no broker. */
public final class QueueSink implements EventSink {

    /** One published record. */
    public record Published(String topic, String key, Object value) {
    }

    private final BlockingQueue<Published> published = new LinkedBlockingQueue<>();

    @Override
    public <V extends SpecificRecord> void publish(Topic<String, V> topic, String key, V value) {
        published.add(new Published(topic.name(), key, value));
    }

    /** The next published record that matches, waiting up to {@code seconds} for it. */
    public Published await(String what, Predicate<Published> matches, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (long left = TimeUnit.SECONDS.toNanos(seconds); left > 0; left = deadline - System.nanoTime()) {
            Published next = published.poll(left, TimeUnit.NANOSECONDS);
            if (next != null && matches.test(next)) {
                return next;
            }
        }
        throw new AssertionError("nothing published " + what + " within " + seconds + " s");
    }
}
