package io.palisade.sinks;

import java.io.IOException;
import java.util.List;

/**
 * One destination alerts are written to (Elasticsearch, Slack, S3...). A {@link SinkRunner} owns the Kafka side:
 * it reads {@code palisade.alerts}, filters by severity, hands batches to {@link #write}, retries, dead-letters and
 * commits offsets. A sink only writes, and says which of its errors are worth retrying.
 *
 * <p>A sink has no name of its own: {@link SinkSettings#name()} names each configured instance, so two instances of
 * one class (say, all alerts and critical ones only) get two consumer groups.
 *
 * <p>Records may be handed to {@link #write} more than once (retries, redelivery after a crash or a rebalance), so a
 * sink must write idempotently, keyed by the alert id.
 */
public interface AlertSink extends AutoCloseable {

    /**
     * Prepares the destination before the first write (e.g. installs an index template). The runner retries it like
     * a write while {@link #isRetriable} says so.
     */
    default void prepare() throws Exception {
    }

    /**
     * Writes {@code records} durably: when this returns, every record not named in the result is stored.
     *
     * @return the records that failed, each marked retriable or permanent
     * @throws Exception when the batch as a whole failed (e.g. the destination is unreachable); nothing is assumed
     *                   written and {@link #isRetriable} decides whether the runner tries again
     */
    WriteResult write(List<SinkRecord> records) throws Exception;

    /**
     * This integration's one classification of errors: I/O, throttling and server errors are retried with backoff;
     * authentication, authorisation and other client errors are permanent.
     */
    boolean isRetriable(Throwable error);

    /** Releases the destination's connections. */
    @Override
    void close() throws IOException;
}
