package io.palisade.collector.stats;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * CPU use between two samples of the same container (or of the host), as {@code docker stats} shows it: 100 is one
 * full core. Remembers the previous sample of each key; not thread-safe, each sampling loop owns one.
 */
final class CpuPercent {

    private final Map<String, Reading> previous = new HashMap<>();

    /**
     * The percentage since the previous call for {@code key}, or {@code null} on the first call and after the
     * counter went back (the container was recreated with the same id, the host rebooted).
     *
     * @param cpuNanos cumulative CPU time of {@code key}
     * @param atNanos  when it was read, on a clock of nanoseconds that only goes forward
     *                 ({@link ResourceSample#cpuClockNanos()})
     */
    Double update(String key, long cpuNanos, long atNanos) {
        Reading before = previous.put(key, new Reading(cpuNanos, atNanos));
        if (before == null || cpuNanos < before.cpuNanos() || atNanos <= before.atNanos()) {
            return null;
        }
        return 100.0 * (cpuNanos - before.cpuNanos()) / (atNanos - before.atNanos());
    }

    /** Forgets every key but {@code kept}, e.g. containers that are gone. */
    void retain(Set<String> kept) {
        previous.keySet().retainAll(kept);
    }

    private record Reading(long cpuNanos, long atNanos) {
    }
}
