package io.palisade.collector.process;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded queue from one producer to one consumer in which the producer never waits for a lock. The producer is
 * the process source's observer, at real-time priority: with a locking queue it could wait for the consumer, which
 * runs at normal priority and, on a busy host, may be preempted while it holds the lock, for milliseconds in which
 * short-lived processes end unread.
 */
final class Handoff<T> {

    private final int capacity;
    private final Queue<T> items = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    /** The consumer while it waits for an item, else null. */
    private volatile Thread waiting;

    Handoff(int capacity) {
        this.capacity = capacity;
    }

    /** Adds the item unless {@code capacity} items wait already; false then. */
    boolean offer(T item) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        items.add(item);
        Thread consumer = waiting;
        if (consumer != null) {
            LockSupport.unpark(consumer);
        }
        return true;
    }

    /** The oldest item, waiting up to {@code timeout} (less if interrupted) for one; null when none came. */
    T poll(Duration timeout) {
        T item = items.poll();
        if (item == null) {
            waiting = Thread.currentThread();
            item = items.poll(); // offered before waiting was set: the producer did not unpark us
            if (item == null) {
                LockSupport.parkNanos(this, timeout.toNanos());
                item = items.poll();
            }
            waiting = null;
        }
        if (item != null) {
            size.decrementAndGet();
        }
        return item;
    }

    boolean isEmpty() {
        return items.isEmpty();
    }
}
