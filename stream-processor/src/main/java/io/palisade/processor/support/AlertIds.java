package io.palisade.processor.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Deterministic alert ids: the same rule, dedup key and window always give the same id, on any instance and after
 * any replay, so every sink can write idempotently by id (a redelivered or repeated alert overwrites, never doubles).
 */
public final class AlertIds {

    /**
     * One digest per thread, reset by each {@code digest()}: looking one up from the security providers for every
     * alert cost as much as the hashing.
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(AlertIds::sha256);

    private AlertIds() {
    }

    /** The start of the tumbling event-time window of {@code size} that {@code eventTime} falls into. */
    public static Instant windowStart(Instant eventTime, Duration size) {
        long millis = eventTime.toEpochMilli();
        return Instant.ofEpochMilli(millis - Math.floorMod(millis, size.toMillis()));
    }

    /** The id of the alert of {@code ruleId} for {@code dedupKey} in the window starting at {@code windowStart}. */
    public static String of(String ruleId, String dedupKey, Instant windowStart) {
        MessageDigest sha256 = SHA_256.get();
        // NUL separators: no rule id, key or time can run into the next and collide.
        sha256.update((ruleId + '\0' + dedupKey + '\0' + windowStart.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest(), 0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
