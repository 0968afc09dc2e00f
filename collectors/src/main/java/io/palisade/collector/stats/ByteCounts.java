package io.palisade.collector.stats;

/**
 * Two cumulative byte counters read together: received and sent for a network, read and written for block devices.
 *
 * @param in  bytes received, or read
 * @param out bytes sent, or written
 */
public record ByteCounts(long in, long out) {

    public ByteCounts plus(ByteCounts other) {
        return new ByteCounts(in + other.in, out + other.out);
    }
}
