package io.palisade.sinks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one sealed batch completely: writes its accepted alerts to the sink, retrying retriable failures with
 * backoff for as long as it takes, and sends unreadable records and the records the sink rejects for good to
 * {@code palisade.deadletter}. When {@link #write} returns, every record of the batch is written, skipped or
 * dead-lettered, so its offsets may be committed. Used by one thread at a time.
 */
final class BatchWriter {

    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

    private final SinkSettings settings;
    private final AlertSink sink;
    private final SinkMetrics metrics;
    private final DeadLetterWriter deadLetters;
    private final CountDownLatch stopping = new CountDownLatch(1);

    BatchWriter(SinkSettings settings, AlertSink sink, SinkMetrics metrics, DeadLetterWriter deadLetters) {
        this.settings = settings;
        this.sink = sink;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
    }

    /** Prepares the sink's destination, retrying while the sink calls its failures retriable. */
    void prepareSink() {
        retrying("prepare", 0, () -> {
            sink.prepare();
            return null;
        });
    }

    /**
     * @throws SinkFailedException when the sink fails for good
     * @throws Stopped             when {@link #stop()} ended a backoff wait; the batch is not fully handled
     */
    void write(Batch.Sealed batch) {
        List<SinkRecord> accepted = new ArrayList<>(batch.records().size());
        for (PolledRecord record : batch.records()) {
            switch (record) {
                case PolledRecord.Accepted a -> accepted.add(a.record());
                case PolledRecord.Filtered f -> metrics.filtered();
                case PolledRecord.Unreadable u -> deadLetter(u);
            }
        }
        writeAll(accepted);
        // The offsets are committed next: a record must never be both skipped and missing from the dead letters.
        deadLetters.awaitWritten();
        metrics.batchWritten();
        log.atDebug().addKeyValue("sink", settings.name()).addKeyValue("records", batch.records().size())
                .addKeyValue("accepted", accepted.size()).log("batch written");
    }

    private void deadLetter(PolledRecord.Unreadable record) {
        deadLetters.send(record.source(), record.reason(), record.errorClass(), record.fingerprint());
        metrics.deadLettered(SinkMetrics.DeadLetterReason.UNREADABLE);
    }

    /** Writes until every record is either written or dead-lettered; retriable failures are tried again. */
    private void writeAll(List<SinkRecord> records) {
        List<SinkRecord> pending = records;
        for (int retry = 0; !pending.isEmpty(); retry++) {
            List<SinkRecord> attempt = pending;
            WriteResult result = retrying("write", attempt.size(), () -> timedWrite(attempt));
            metrics.written(attempt.size() - result.failures().size());
            for (WriteResult.Failure failure : result.permanentFailures()) {
                deadLetters.send(failure.record().source(), failure.reason(), failure.errorType(),
                        OptionalLong.empty());
                metrics.deadLettered(SinkMetrics.DeadLetterReason.REJECTED);
            }
            List<WriteResult.Failure> retriable = result.retriableFailures();
            pending = retriable.stream().map(WriteResult.Failure::record).toList();
            if (pending.isEmpty()) {
                metrics.running();
            } else {
                metrics.retrying(retriable.getFirst().reason());
                metrics.retried(pending.size());
                Duration delay = settings.backoff().delay(retry);
                log.atWarn().addKeyValue("sink", settings.name()).addKeyValue("records", pending.size())
                        .addKeyValue("retry", retry + 1).addKeyValue("delay_ms", delay.toMillis())
                        .addKeyValue("error", retriable.getFirst().reason()).log("records not written yet, retrying");
                await(delay);
            }
        }
    }

    private WriteResult timedWrite(List<SinkRecord> records) throws Exception {
        long start = System.nanoTime();
        try {
            return sink.write(records);
        } finally {
            metrics.writeTook(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * Calls {@code action} until it succeeds, backing off while the sink calls its failures retriable.
     *
     * @param alerts how many alerts each new attempt hands to the destination again, for the metrics
     */
    private <T> T retrying(String action, int alerts, Callable<T> call) {
        for (int retry = 0; ; retry++) {
            try {
                return call.call();
            } catch (Exception e) {
                if (!sink.isRetriable(e)) {
                    throw new SinkFailedException(settings.name(), action, e);
                }
                metrics.retrying(e.toString());
                metrics.retried(alerts);
                Duration delay = settings.backoff().delay(retry);
                log.atWarn().addKeyValue("sink", settings.name()).addKeyValue("action", action)
                        .addKeyValue("retry", retry + 1).addKeyValue("delay_ms", delay.toMillis())
                        .addKeyValue("error", e.toString()).log("sink unavailable, retrying");
                await(delay);
            }
        }
    }

    private void await(Duration delay) {
        try {
            if (stopping.await(delay.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new Stopped();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    /** Ends the current and every later backoff wait with {@link Stopped}; a write under way still completes. */
    void stop() {
        stopping.countDown();
    }

    /** Ends a backoff wait when the runner is closed. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }
}
