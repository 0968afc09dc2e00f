package io.palisade.collector.publish;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.palisade.collector.spool.DiskSpool;
import io.palisade.collector.spool.SpoolRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the head of the spool, one batch at a time, and marks delivered only the unbroken run of records Kafka
 * acknowledged; a record acknowledged after one that failed is remembered and not sent again when the batch is
 * retried, so it is not duplicated. Used by one thread only.
 *
 * <p>The head record goes alone first, and the rest of the batch only once Kafka took it. A batch sent to a broker
 * that is still away sits in the producer until its records expire, and they do not all expire at once (a send to
 * a topic the producer has no metadata for blocks for {@code max.block.ms} in between): a broker returning in that
 * gap would take the later events of a key and not the earlier ones, which then land behind them.
 */
final class SpoolDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolDelivery.class);
    private static final int BATCH = 500;

    private final Producer<byte[], byte[]> producer;
    private final DiskSpool spool;
    private final PublisherMetrics metrics;
    private final Set<DiskSpool.Position> deliveredAhead = new HashSet<>();

    SpoolDelivery(Producer<byte[], byte[]> producer, DiskSpool spool, PublisherMetrics metrics) {
        this.producer = producer;
        this.spool = spool;
        this.metrics = metrics;
    }

    /** Sends one batch from the head of the spool and waits for the answers; returns whether all were delivered. */
    boolean deliverBatch() throws IOException, InterruptedException {
        List<DiskSpool.Entry> batch = spool.peek(BATCH);
        return batch.isEmpty() || deliver(batch.subList(0, 1)) && deliver(batch.subList(1, batch.size()));
    }

    private boolean deliver(List<DiskSpool.Entry> batch) throws IOException, InterruptedException {
        List<Future<RecordMetadata>> answers = new ArrayList<>(batch.size());
        long sent = System.nanoTime();
        for (DiskSpool.Entry entry : batch) {
            answers.add(deliveredAhead.contains(entry.next()) ? null : send(entry.record()));
        }
        DiskSpool.Position committable = null;
        int count = 0;
        boolean failed = false;
        for (int i = 0; i < batch.size(); i++) {
            DiskSpool.Entry entry = batch.get(i);
            boolean done = answers.get(i) == null || outcome(entry.record(), answers.get(i), sent);
            if (done && !failed) {
                committable = entry.next();
                count++;
                deliveredAhead.remove(entry.next());
            } else if (done) {
                deliveredAhead.add(entry.next());
            } else {
                failed = true;
            }
        }
        if (committable != null) {
            spool.commit(committable, count);
        }
        return !failed;
    }

    private Future<RecordMetadata> send(SpoolRecord record) {
        try {
            return producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value()));
        } catch (KafkaException | IllegalStateException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    /** Whether the record is done with: acknowledged, or failed for good (then dropped and counted). */
    private boolean outcome(SpoolRecord record, Future<RecordMetadata> answer, long sentNanos)
            throws InterruptedException {
        try {
            answer.get();
            metrics.published(record.topic(), Duration.ofNanos(System.nanoTime() - sentNanos));
            return true;
        } catch (ExecutionException e) {
            if (DeliveryErrors.isRetriable(e.getCause())) {
                return false;
            }
            metrics.dropped(record.topic(), PublisherMetrics.DropReason.REJECTED_BY_KAFKA);
            LOG.atError().setMessage("Spooled event rejected by Kafka for good; dropped")
                    .addKeyValue("topic", record.topic()).addKeyValue("error", e.getCause().toString()).log();
            return true;
        }
    }
}
