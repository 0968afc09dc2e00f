package io.palisade.collector.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.palisade.runtime.config.Durations;

/**
 * The {@code publish} section of the collector configuration: how events reach Kafka.
 *
 * @param maxBlock      longest a source waits to hand one event to the producer (default 5 s, at most 1 min);
 *                      after that the event goes to the spool
 * @param spoolDir      where events wait on disk while Kafka cannot take them (default /var/lib/palisade/spool)
 * @param spoolMaxBytes most disk space the spool uses (default 256 MiB, at least 1 MiB); stats are refused once
 *                      it is three quarters full, security events once it is full
 */
public record PublishSettings(Duration maxBlock, Path spoolDir, Long spoolMaxBytes) {

    public static final Duration MAX_MAX_BLOCK = Duration.ofMinutes(1);
    public static final long MIN_SPOOL_MAX_BYTES = 1L << 20;

    public PublishSettings {
        maxBlock = maxBlock == null ? Duration.ofSeconds(5) : maxBlock;
        spoolDir = spoolDir == null ? Path.of("/var/lib/palisade/spool") : spoolDir;
        spoolMaxBytes = spoolMaxBytes == null ? 256L << 20 : spoolMaxBytes;
    }

    public static PublishSettings defaults() {
        return new PublishSettings(null, null, null);
    }

    /** Every problem with these settings, each naming its configuration key; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (maxBlock.isNegative() || maxBlock.isZero() || maxBlock.compareTo(MAX_MAX_BLOCK) > 0) {
            problems.add("publish.max_block must be above 0 and at most 1m (sources must never wait long on Kafka), "
                    + "got " + Durations.format(maxBlock));
        }
        if (spoolMaxBytes < MIN_SPOOL_MAX_BYTES) {
            problems.add("publish.spool_max_bytes must be at least " + MIN_SPOOL_MAX_BYTES + ", got " + spoolMaxBytes);
        }
        return problems;
    }
}
