package io.palisade.cli.alerts;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.palisade.schema.Alert;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code palisade.alerts} for a viewer: every partition assigned manually (no consumer group, so nothing is
 * committed and no running sink is disturbed), committed transactions only ({@code read_committed}), from the end or
 * from the beginning. Each selected alert is handed to the listener with whether it updates an id already shown.
 */
public final class AlertsTail implements AutoCloseable {

    /** Receives the alerts, on the thread that called {@link #run}. */
    @FunctionalInterface
    public interface Listener {
        void onAlert(Alert alert, boolean update);
    }

    private static final Logger LOG = LoggerFactory.getLogger(AlertsTail.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<Alert> alerts = Topics.ALERTS.valueSerde().deserializer();
    private final SeenAlertIds seen = new SeenAlertIds();

    /**
     * Assigns every partition of palisade.alerts.
     *
     * @param kafkaProperties Kafka client settings, at least {@code bootstrap.servers}
     * @param fromBeginning   start at the oldest retained alert instead of the next new one
     * @throws IllegalStateException when the topic does not exist
     */
    public AlertsTail(Map<String, Object> kafkaProperties, boolean fromBeginning) {
        Map<String, Object> properties = new HashMap<>(kafkaProperties);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "palisade-alerts-tail");
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + Topics.ALERTS.name() + " does not exist (yet): start the "
                        + "processor, or bin/palisade quickstart, first");
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
                // Seeks are lazy: resolve the end now, or alerts written before the first poll would be skipped.
                partitions.forEach(consumer::position);
            }
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /**
     * Hands every selected alert to {@code listener} until {@link #close()} is called (from any thread) or the
     * calling thread is interrupted.
     */
    public void run(AlertSelection selection, Listener listener) {
        boolean interrupted = false;
        try {
            while (true) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    Alert alert = read(record);
                    if (alert != null && selection.test(alert)) {
                        listener.onAlert(alert, seen.repeat(alert.getId()));
                    }
                }
            }
        } catch (WakeupException stopped) {
            // close() was called: the normal way out.
        } catch (InterruptException stopped) {
            // The thread was interrupted (an embedding program stopping it): stop as on close(). The flag is cleared
            // so the consumer can close, and set again for the caller.
            Thread.interrupted();
            interrupted = true;
        } finally {
            consumer.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Alert read(ConsumerRecord<byte[], byte[]> record) {
        try {
            return alerts.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("partition", record.partition()).addKeyValue("offset", record.offset())
                    .setCause(e).log("unreadable alert skipped (the sinks send it to palisade.deadletter)");
            return null;
        }
    }

    /** Makes {@link #run} return; the consumer is closed by the thread running it. */
    @Override
    public void close() {
        consumer.wakeup();
    }
}
