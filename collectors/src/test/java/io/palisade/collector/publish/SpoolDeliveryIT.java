package io.palisade.collector.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.palisade.collector.RawTopicScan;
import io.palisade.collector.config.KafkaSettings;
import io.palisade.collector.spool.DiskSpool;
import io.palisade.collector.spool.Priority;
import io.palisade.collector.spool.SpoolRecord;
import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool delivered to a broker that comes back while a batch is out: the events of one key must still land in the
 * order they were spooled. A send to a topic whose metadata the producer never had blocks for {@code max.block.ms};
 * sends before and after it then expire at different times, and a broker returning in between took the later ones
 * while the earlier ones expired and were sent again behind them.
 */
@ExtendWith(DevStackExtension.class)
class SpoolDeliveryIT {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(8);
    private static final Duration MAX_BLOCK = Duration.ofSeconds(10);

    @TempDir
    Path spoolDir;

    @Test
    void eventsOfOneKeyLandInSpoolOrderWhenTheBrokerReturnsMidBatch(KafkaBroker kafka) throws Exception {
        // Topics of this test's own: other tests read the palisade.* topics through their Avro serdes.
        String run = UUID.randomUUID().toString();
        String known = "spool-order-it-" + run;
        String neverSeen = "spool-order-it-unseen-" + run;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(known, 1, (short) 1), new NewTopic(neverSeen, 1, (short) 1)))
                    .all().get();
        }
        String key = "key-" + run;
        KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), Map.of(
                "delivery.timeout.ms", String.valueOf(DELIVERY_TIMEOUT.toMillis()), "request.timeout.ms", "3000",
                "linger.ms", "0", "retry.backoff.max.ms", "500"));
        try (Producer<byte[], byte[]> producer = new KafkaProducer<>(ProducerSettings.of(settings, "spool-order-it",
                MAX_BLOCK), new ByteArraySerializer(), new ByteArraySerializer());
             DiskSpool spool = DiskSpool.open(spoolDir, 1L << 20)) {
            producer.send(new ProducerRecord<>(known, bytes(key), bytes("warm-up"))).get();
            spool.append(record(known, key, "first"));
            spool.append(record(neverSeen, key, "stats"));
            spool.append(record(known, key, "second"));
            SpoolDelivery delivery = new SpoolDelivery(producer, spool, new PublisherMetrics(new SimpleMeterRegistry()));

            kafka.stop();
            Instant began = Instant.now();
            CompletableFuture<Boolean> firstAttempt = CompletableFuture.supplyAsync(() -> deliver(delivery));
            // Back after "first" could have expired, before "second", sent behind the blocked "stats", does.
            Thread.sleep(DELIVERY_TIMEOUT.plusMillis(500).minus(Duration.between(began, Instant.now())).toMillis());
            kafka.start();
            boolean delivered = firstAttempt.get();
            for (int attempt = 0; !delivered && attempt < 20; attempt++) {
                delivered = deliver(delivery);
            }
            assertThat(delivered).as("the spool was delivered").isTrue();
        }

        List<String> values = RawTopicScan.readAll(kafka.bootstrapServers(), List.of(known)).stream()
                .filter(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8)))
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
        assertThat(values).containsExactly("warm-up", "first", "second");
    }

    private static boolean deliver(SpoolDelivery delivery) {
        try {
            return delivery.deliverBatch();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SpoolRecord record(String topic, String key, String value) {
        return new SpoolRecord(topic, bytes(key), bytes(value), Priority.SECURITY);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
