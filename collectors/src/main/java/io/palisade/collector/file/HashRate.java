package io.palisade.collector.file;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces file hashing to at most a number of files per second across all scanning threads, so a baseline of a large
 * tree never takes the host's disks and cores from its workloads.
 */
final class HashRate {

    private final long intervalNanos;
    private long nextFreeNanos = System.nanoTime();

    HashRate(int filesPerSecond) {
        if (filesPerSecond < 1) {
            throw new IllegalArgumentException("need at least one file per second, got " + filesPerSecond);
        }
        this.intervalNanos = 1_000_000_000L / filesPerSecond;
    }

    /** Waits until the next file may be hashed. */
    void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            // A pause (no file to hash) earns no burst: the pace restarts from now.
            slot = Math.max(now, nextFreeNanos);
            nextFreeNanos = slot + intervalNanos;
        }
        long wait;
        while ((wait = slot - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
