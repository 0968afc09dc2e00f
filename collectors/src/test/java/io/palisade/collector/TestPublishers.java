package io.palisade.collector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.palisade.collector.config.KafkaSettings;
import io.palisade.collector.config.PublishSettings;
import io.palisade.collector.publish.KafkaEventPublisher;

/** The publisher a source test hands its events to: the real one, with a spool of its own below target/. */
public final class TestPublishers {

    private static final Path SPOOLS = Path.of("target", "test-spools");

    private TestPublishers() {
    }

    public static KafkaEventPublisher to(String bootstrapServers, String clientId) throws IOException {
        return to(bootstrapServers, clientId, new SimpleMeterRegistry());
    }

    /** One counting into {@code registry}. */
    public static KafkaEventPublisher to(String bootstrapServers, String clientId, MeterRegistry registry)
            throws IOException {
        Files.createDirectories(SPOOLS);
        return KafkaEventPublisher.start(new KafkaSettings(bootstrapServers, Map.of()),
                new PublishSettings(Duration.ofSeconds(5), Files.createTempDirectory(SPOOLS, "spool-"), null),
                clientId, registry);
    }

    /** Events the publisher gave up on, all topics together. */
    public static long dropped(KafkaEventPublisher publisher) {
        return publisher.metrics().droppedTotal();
    }
}
