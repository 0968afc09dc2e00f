package io.palisade.sinks;

import io.palisade.schema.Alert;
import io.palisade.schema.serde.UnreadableRecordException;
import io.palisade.schema.topic.Topic;
import io.palisade.schema.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link AlertSink}: reads {@code palisade.alerts} in the sink's own consumer group
 * ({@code palisade-sink-<name>}, read_committed), skips alerts below the sink's minimum severity or rejected by its
 * {@link TagFilter}, writes the rest in
 * batches, and commits offsets only once a batch is durably written. Writes {@code palisade.deadletter}: records that
 * cannot be decoded and records the sink rejects for good. Retriable failures are retried with exponential backoff
 * for as long as it takes, never dropped.
 *
 * <p>Records are read as bytes and decoded here rather than by the consumer, so an unreadable record is one
 * dead letter with its exact bytes inside an otherwise normal batch, and the loop simply goes on past it.
 *
 * <p>{@link #run()} blocks until {@link #close()} is called from another thread, or throws
 * {@link SinkFailedException} when the sink fails permanently. Whatever was not committed is read again at the next
 * start; sinks write idempotently, so that is safe.
 */
public final class SinkRunner implements Runnable, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SinkRunner.class);
    private static final Topic<String, Alert> SOURCE = Topics.ALERTS;

    private final SinkSettings settings;
    private final AlertSink sink;
    private final SeverityFilter severity;
    private final SinkMetrics metrics;
    private final Deserializer<Alert> decoder = SOURCE.valueSerde().deserializer();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final DeadLetterWriter deadLetters;
    private final Batch batch;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    private boolean started;

    /**
     * @param kafkaProperties Kafka client settings shared by every sink: at least {@code bootstrap.servers}, plus
     *                        security settings where needed; group, offsets and isolation are set here
     * @param settings        this sink's settings
     * @param sink            the destination; the caller still owns it and closes it after this runner
     */
    public SinkRunner(Map<String, Object> kafkaProperties, SinkSettings settings, AlertSink sink) {
        this.settings = settings;
        this.sink = sink;
        this.severity = new SeverityFilter(settings.minimumSeverity());
        this.metrics = new SinkMetrics(settings.name(), Clock.systemUTC());
        this.batch = new Batch(settings.batchSize(), settings.batchLinger());
        this.consumer = new KafkaConsumer<>(consumerConfig(kafkaProperties, settings),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.deadLetters = new DeadLetterWriter(settings.name(), kafkaProperties, Clock.systemUTC());
    }

    private static Map<String, Object> consumerConfig(Map<String, Object> kafkaProperties, SinkSettings settings) {
        Map<String, Object> config = new HashMap<>(kafkaProperties);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.consumerGroup());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.consumerGroup());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Only alerts of committed stream-processor transactions (exactly_once_v2), never aborted ones.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A new sink starts with every retained alert: writes are idempotent, and missing alerts would be worse.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize());
        return config;
    }

    @Override
    public void run() {
        synchronized (lifecycle) {
            if (started || stopping.getCount() == 0) {
                throw new IllegalStateException("sink runner " + settings.name() + " was already started or closed");
            }
            started = true;
        }
        try {
            retrying("prepare", 0, () -> {
                sink.prepare();
                return null;
            });
            consumer.subscribe(List.of(SOURCE.name()), new DiscardRevoked());
            metrics.running();
            log.atInfo().addKeyValue("sink", settings.name()).addKeyValue("group", settings.consumerGroup())
                    .addKeyValue("minimum_severity", settings.minimumSeverity())
                    .addKeyValue("tags_any", settings.tags().any()).addKeyValue("tags_none", settings.tags().none())
                    .log("sink started");
            while (stopping.getCount() > 0) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(settings.batchLinger())) {
                    batch.add(record, System.nanoTime());
                }
                metrics.lag(lag());
                if (batch.isDue(System.nanoTime())) {
                    flush();
                }
            }
        } catch (WakeupException | Stopped e) {
            // close() was called; what is not committed is read again at the next start.
            metrics.stopped("closed");
        } catch (RuntimeException e) {
            metrics.stopped(e.getMessage());
            throw e;
        } finally {
            // Closed by the thread that used them: a KafkaConsumer must not be touched by two threads.
            consumer.close();
            deadLetters.close();
            finished.countDown();
        }
        log.atInfo().addKeyValue("sink", settings.name()).log("sink stopped");
    }

    private void flush() {
        List<SinkRecord> accepted = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : batch.records()) {
            Alert alert = decode(record);
            if (alert == null) {
                continue;
            }
            if (severity.accepts(alert) && settings.tags().accepts(alert)) {
                accepted.add(new SinkRecord(alert, record));
            } else {
                metrics.filtered();
            }
        }
        writeAll(accepted);
        deadLetters.awaitWritten();
        commit(batch.nextOffsets());
        metrics.batchWritten();
        log.atDebug().addKeyValue("sink", settings.name()).addKeyValue("records", batch.size())
                .addKeyValue("accepted", accepted.size()).log("batch committed");
        batch.clear();
    }

    /** @return the alert, or null when the record was dead-lettered instead */
    private Alert decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            Alert alert = decoder.deserialize(record.topic(), record.headers(), record.value());
            if (alert == null) {
                deadLetters.send(record, "null value: " + SOURCE.name() + " carries no deletions",
                        NullPointerException.class.getName(), OptionalLong.empty());
                metrics.deadLettered();
            }
            return alert;
        } catch (UnreadableRecordException e) {
            deadLetters.send(record, e.reason(), e.getClass().getName(), e.fingerprint());
            metrics.deadLettered();
            return null;
        }
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
                metrics.deadLettered();
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

    /**
     * Records of the assigned partitions not read yet, from the log-end offsets of the last fetch responses; a
     * partition not fetched yet counts as 0.
     */
    private long lag() {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            total += consumer.currentLag(partition).orElse(0);
        }
        return total;
    }

    /** What this runner has done so far and its state; safe to read from any thread. */
    public SinkMetrics metrics() {
        return metrics;
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            consumer.commitSync(offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The partitions moved while the batch was written; their new owner writes it again, idempotently.
            log.atWarn().addKeyValue("sink", settings.name()).addKeyValue("error", e.toString())
                    .log("offsets not committed after a rebalance");
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

    /**
     * Stops {@link #run()}, waiting for it to return, without committing what it has not written yet; the Kafka
     * clients are closed either way. Does not close the sink. If interrupted while waiting, returns at once with the
     * interrupt flag set; the loop still ends at its next Kafka call.
     */
    @Override
    public void close() {
        boolean running;
        synchronized (lifecycle) {
            running = started;
            stopping.countDown();
        }
        if (!running) {
            consumer.close();
            deadLetters.close();
            return;
        }
        consumer.wakeup();
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends a backoff wait when the runner is closed. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    /** Keeps a rebalance from leaving records of partitions now owned elsewhere in the batch. */
    private final class DiscardRevoked implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            batch.discard(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            log.atInfo().addKeyValue("sink", settings.name()).addKeyValue("partitions", partitions.size())
                    .log("partitions assigned");
        }
    }
}
