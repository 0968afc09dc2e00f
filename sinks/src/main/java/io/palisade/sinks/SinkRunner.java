package io.palisade.sinks;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.palisade.schema.topic.Topics;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link AlertSink}: reads {@code palisade.alerts} in the sink's own consumer group
 * ({@code palisade-sink-<name>}, read_committed), skips alerts below the sink's minimum severity or rejected by its
 * {@link TagFilter}, writes the rest in batches, and commits offsets only once a batch is durably written. Writes
 * {@code palisade.deadletter}: records that cannot be decoded and records the sink rejects for good. Retriable
 * failures are retried with exponential backoff for as long as it takes, never dropped.
 *
 * <p>Two threads share the work so the destination is never kept waiting for Kafka: this runner's thread polls,
 * decodes and filters the next batch and commits, while a writer thread ({@code palisade-sink-<name>-writer}, a
 * {@link BatchWriter}) writes the previous one. At most one batch is being written at a time, in poll order, so a
 * later version of an alert is never overwritten by an earlier one; a batch's offsets are committed only after the
 * writer has handled every record of it.
 *
 * <p>{@link #run()} blocks until {@link #close()} is called from another thread, or throws
 * {@link SinkFailedException} when the sink fails permanently. Whatever was not committed is read again at the next
 * start; sinks write idempotently, so that is safe.
 */
public final class SinkRunner implements Runnable, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SinkRunner.class);

    private final SinkSettings settings;
    private final SinkMetrics metrics;
    private final AlertDecoder decoder;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaClientMetrics consumerMetrics;
    private final DeadLetterWriter deadLetters;
    private final BatchWriter writer;
    private final ExecutorService writerThread;
    private final Batch batch;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    private boolean started;
    /** The batch the writer thread is handling, null when none; only touched by the runner's thread. */
    private InFlight inFlight;

    /**
     * @param kafkaProperties Kafka client settings shared by every sink: at least {@code bootstrap.servers}, plus
     *                        security settings where needed; group, offsets and isolation are set here
     * @param settings        this sink's settings
     * @param sink            the destination; the caller still owns it and closes it after this runner
     * @param registry        where this sink's figures and its consumer's metrics are kept
     */
    public SinkRunner(Map<String, Object> kafkaProperties, SinkSettings settings, AlertSink sink,
                      MeterRegistry registry) {
        this.settings = settings;
        this.metrics = new SinkMetrics(settings.name(), Clock.systemUTC(), registry);
        this.decoder = new AlertDecoder(new SeverityFilter(settings.minimumSeverity()), settings.tags());
        this.batch = new Batch(settings.batchSize(), settings.batchLinger());
        this.consumer = new KafkaConsumer<>(consumerConfig(kafkaProperties, settings),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(registry);
        this.deadLetters = new DeadLetterWriter(settings.name(), kafkaProperties, Clock.systemUTC());
        this.writer = new BatchWriter(settings, sink, metrics, deadLetters);
        this.writerThread = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name(settings.consumerGroup() + "-writer").factory());
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
            writer.prepareSink();
            consumer.subscribe(List.of(Topics.ALERTS.name()), new CommitBeforeRevoke());
            metrics.running();
            log.atInfo().addKeyValue("sink", settings.name()).addKeyValue("group", settings.consumerGroup())
                    .addKeyValue("minimum_severity", settings.minimumSeverity())
                    .addKeyValue("tags_any", settings.tags().any()).addKeyValue("tags_none", settings.tags().none())
                    .log("sink started");
            while (stopping.getCount() > 0) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(settings.batchLinger())) {
                    batch.add(decoder.decode(record), System.nanoTime());
                }
                metrics.lag(lag());
                if (batch.isDue(System.nanoTime())) {
                    writeNextBatch();
                } else if (inFlight != null && inFlight.written().isDone()) {
                    commitInFlight();
                }
            }
        } catch (WakeupException | BatchWriter.Stopped e) {
            // close() was called; what is not committed is read again at the next start.
            metrics.stopped("closed");
        } catch (RuntimeException e) {
            metrics.stopped(e.getMessage());
            throw e;
        } finally {
            // The writer may still use the dead-letter producer, and the caller closes the sink once this returns.
            writer.stop();
            writerThread.close();
            // Closed by the thread that used them: a KafkaConsumer must not be touched by two threads.
            consumerMetrics.close();
            consumer.close();
            deadLetters.close();
            finished.countDown();
        }
        log.atInfo().addKeyValue("sink", settings.name()).log("sink stopped");
    }

    /**
     * Hands the due batch to the writer thread once the batch before it is written, then commits that one while the
     * new one is being written.
     */
    private void writeNextBatch() {
        InFlight previous = inFlight;
        if (previous != null) {
            awaitWritten(previous);
        }
        Batch.Sealed next = batch.seal();
        inFlight = new InFlight(writerThread.submit(() -> writer.write(next)), next.nextOffsets());
        if (previous != null) {
            commit(previous.offsets());
        }
    }

    private void commitInFlight() {
        InFlight written = inFlight;
        inFlight = null;
        awaitWritten(written);
        commit(written.offsets());
    }

    /** Waits until the writer has handled every record of {@code write}, rethrowing what made it fail. */
    private static void awaitWritten(InFlight write) {
        try {
            write.written().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("batch writer failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatchWriter.Stopped();
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
        writer.stop();
        if (!running) {
            writerThread.close();
            consumerMetrics.close();
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

    /**
     * A batch handed to the writer thread.
     *
     * @param written done once every record of the batch is handled; fails as the writer failed
     * @param offsets what to commit then
     */
    private record InFlight(Future<?> written, Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    /**
     * Finishes the batch being written and commits it while its partitions are still this consumer's, so their next
     * owner does not write it again, and keeps records of partitions now owned elsewhere out of the next batch.
     */
    private final class CommitBeforeRevoke implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (inFlight != null) {
                try {
                    commitInFlight();
                } catch (BatchWriter.Stopped e) {
                    // close() was called; the batch is read again at the next start.
                }
            }
            batch.discard(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            log.atInfo().addKeyValue("sink", settings.name()).addKeyValue("partitions", partitions.size())
                    .log("partitions assigned");
        }
    }
}
