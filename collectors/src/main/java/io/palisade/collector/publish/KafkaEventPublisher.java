package io.palisade.collector.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.palisade.collector.EventSink;
import io.palisade.collector.config.KafkaSettings;
import io.palisade.collector.config.PublishSettings;
import io.palisade.collector.publish.PublisherMetrics.DropReason;
import io.palisade.collector.spool.DiskSpool;
import io.palisade.collector.spool.Priority;
import io.palisade.collector.spool.SpoolRecord;
import io.palisade.runtime.Backoff;
import io.palisade.runtime.Retries;
import io.palisade.schema.topic.Topic;
import io.palisade.schema.topic.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what the sources observe to Kafka with one idempotent producer shared by every source and topic; the
 * topic's own serdes encode key and value, so any {@code palisade.*} topic of {@code Topics} may be written
 * (palisade.events.*, palisade.inventory.containers).
 *
 * <p>While Kafka cannot take events (a send that fails, times out or finds the buffer full), they go to a
 * {@link DiskSpool}; from the first spooled event on, every later event goes through the spool too, until a
 * background thread has delivered all of it, so events of one key stay in order. Events still in the producer when
 * the first failure is seen may fail later: new events are held back in memory until those are settled, so they
 * are spooled behind them. When the spool is full, stats are refused first (see {@link Priority}); refused events
 * are dropped, counted per topic and logged. Sources wait at most {@code publish.max_block} in {@link #publish}.
 */
public final class KafkaEventPublisher implements EventSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventPublisher.class);
    private static final Duration CLOSE_FLUSH_TIMEOUT = Duration.ofSeconds(10);
    /** Events held back while earlier direct sends are unsettled; beyond this they are spooled at once. */
    private static final int HOLD_LIMIT = 2_000;

    private final Producer<byte[], byte[]> producer;
    private final DiskSpool spool;
    private final PublisherMetrics metrics;
    private final KafkaClientMetrics producerMetrics;
    private final SpoolDelivery delivery;
    private final Thread drainer;
    private final Queue<SpoolRecord> held = new ArrayDeque<>();
    // Guarded by this.
    private boolean spooling;
    private int directInFlight;
    private boolean closing;

    private KafkaEventPublisher(Producer<byte[], byte[]> producer, DiskSpool spool, MeterRegistry registry) {
        this.producer = producer;
        this.spool = spool;
        this.metrics = new PublisherMetrics(registry);
        this.producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(registry);
        this.delivery = new SpoolDelivery(producer, spool, metrics);
        this.spooling = !spool.isEmpty();
        metrics.spoolDepth(spool);
        this.drainer = Thread.ofPlatform().name("publisher-spool-drainer").daemon().unstarted(this::drainLoop);
    }

    /**
     * Opens the spool of {@code publish.spool_dir} (delivering what an earlier run left there first) and connects;
     * counts what it does, and the producer's own metrics, in {@code registry}.
     *
     * @throws UncheckedIOException when the spool directory cannot be created or read
     */
    public static KafkaEventPublisher start(KafkaSettings kafka, PublishSettings publish, String clientId,
                                            MeterRegistry registry) {
        DiskSpool spool;
        try {
            spool = DiskSpool.open(publish.spoolDir(), publish.spoolMaxBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the spool directory " + publish.spoolDir()
                    + " (publish.spool_dir): " + e.getMessage(), e);
        }
        KafkaEventPublisher publisher = new KafkaEventPublisher(new KafkaProducer<>(
                ProducerSettings.of(kafka, clientId, publish.maxBlock()), new ByteArraySerializer(),
                new ByteArraySerializer()), spool, registry);
        publisher.drainer.start();
        return publisher;
    }

    @Override
    public <V extends SpecificRecord> void publish(Topic<String, V> topic, String key, V value) {
        byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] valueBytes = value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value);
        SpoolRecord record = new SpoolRecord(topic.name(), keyBytes, valueBytes,
                topic.name().equals(Topics.CONTAINER_STATS.name()) ? Priority.BULK : Priority.SECURITY);
        synchronized (this) {
            if (spooling || closing) {
                if (directInFlight > 0 && held.size() < HOLD_LIMIT) {
                    held.add(record);
                } else {
                    spoolLocked(record);
                }
                return;
            }
            directInFlight++;
        }
        sendDirect(record);
    }

    @Override
    public void sourceError(String source, Throwable error) {
        metrics.sourceError(source);
        LOG.atWarn().setMessage("Source error").addKeyValue("source", source).addKeyValue("error", error.toString())
                .log();
    }

    public PublisherMetrics metrics() {
        return metrics;
    }

    /**
     * Stops the drainer, delivers what the producer holds (up to ten seconds) and closes it; whatever is not
     * delivered by then stays in the spool for the next start.
     */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        producerMetrics.close();
        producer.close(CLOSE_FLUSH_TIMEOUT);
        try {
            drainer.join(CLOSE_FLUSH_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            held.forEach(this::spoolLocked);
            held.clear();
            try {
                spool.close();
            } catch (IOException e) {
                LOG.atError().setMessage("Spool position not saved; some events may be delivered twice next start")
                        .addKeyValue("dir", spool.directory()).setCause(e).log();
            }
        }
        LOG.atInfo().setMessage("Publisher closed").addKeyValue("spooledRecords", spool.records())
                .addKeyValue("droppedTotal", metrics.droppedTotal()).log();
    }

    private void sendDirect(SpoolRecord record) {
        long sent = System.nanoTime();
        try {
            producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value()),
                    (metadata, error) -> directSettled(record, sent, error));
        } catch (KafkaException | IllegalStateException e) {
            directSettled(record, sent, e);
        }
    }

    private void directSettled(SpoolRecord record, long sentNanos, Exception error) {
        if (error == null) {
            metrics.published(record.topic(), Duration.ofNanos(System.nanoTime() - sentNanos));
        }
        synchronized (this) {
            directInFlight--;
            if (error != null && !DeliveryErrors.isRetriable(error)) {
                drop(record, DropReason.REJECTED_BY_KAFKA, error.toString());
            } else if (error != null) {
                if (!spooling) {
                    LOG.atWarn().setMessage("Kafka is not taking events; spooling them to disk until it does")
                            .addKeyValue("dir", spool.directory()).addKeyValue("error", error.toString()).log();
                }
                spooling = true;
                spoolLocked(record);
            }
            if (directInFlight == 0) {
                held.forEach(this::spoolLocked);
                held.clear();
                notifyAll();
            }
        }
    }

    private void spoolLocked(SpoolRecord record) {
        try {
            if (spool.append(record)) {
                metrics.spooled(record.topic());
                notifyAll();
            } else {
                drop(record, DropReason.SPOOL_FULL, "publish.spool_max_bytes reached");
            }
        } catch (IOException e) {
            drop(record, DropReason.SPOOL_UNWRITABLE, e.getMessage());
        }
    }

    private void drop(SpoolRecord record, DropReason reason, String detail) {
        long dropped = metrics.dropped(record.topic(), reason);
        // One line for the first drop and every thousandth: a full spool drops stats at the rate they come.
        if (dropped == 1 || dropped % 1000 == 0) {
            LOG.atWarn().setMessage("Events dropped").addKeyValue("topic", record.topic())
                    .addKeyValue("reason", reason).addKeyValue("detail", detail)
                    .addKeyValue("droppedSoFar", dropped).log();
        }
    }

    /** Delivers the spool whenever it holds something and no direct send is unsettled; then switches back. */
    private void drainLoop() {
        Retries backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)).retries();
        while (awaitWork()) {
            try {
                if (delivery.deliverBatch()) {
                    backoff.reset();
                } else {
                    pause(backoff.next());
                }
            } catch (IOException e) {
                LOG.atError().setMessage("Spool unreadable; retrying").addKeyValue("dir", spool.directory())
                        .setCause(e).log();
                pause(backoff.next());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Waits until there is spool to deliver; switches to direct sends when it is empty; false once closing. */
    private synchronized boolean awaitWork() {
        while (true) {
            if (closing) {
                return false;
            }
            if (spooling && directInFlight == 0 && held.isEmpty()) {
                if (!spool.isEmpty()) {
                    return true;
                }
                spooling = false;
                LOG.atInfo().setMessage("Spool delivered; publishing directly again").log();
            }
            try {
                wait();
            } catch (InterruptedException e) {
                return false;
            }
        }
    }

    private synchronized void pause(Duration delay) {
        if (!closing) {
            try {
                wait(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
