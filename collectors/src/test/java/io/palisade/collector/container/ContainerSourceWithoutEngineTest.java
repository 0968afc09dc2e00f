package io.palisade.collector.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import io.palisade.collector.CollectorIdentity;
import io.palisade.collector.EventSink;
import io.palisade.schema.Agent;
import io.palisade.schema.Host;
import io.palisade.schema.topic.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** With no engine behind the socket, the source retries in the background: it never holds up its caller. */
class ContainerSourceWithoutEngineTest {

    @Test
    @Timeout(20)
    void startReturnsAtOnceAndCloseStopsTheRetries(@TempDir Path dir) throws Exception {
        String absentEngine = "unix://" + dir.resolve("no-engine.sock");
        List<Object> published = new CopyOnWriteArrayList<>();
        EventSink sink = new EventSink() {
            @Override
            public <V extends SpecificRecord> void publish(Topic<String, V> topic, String key, V value) {
                published.add(value);
            }
        };
        CollectorIdentity identity = new CollectorIdentity(Host.newBuilder().setName("h").setId("h").build(),
                Agent.newBuilder().setId("a").setVersion("test").build());
        ContainerSource source = new ContainerSource(() -> DockerClients.forConfig(
                DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(absentEngine).build()),
                identity, Duration.ofMinutes(5));

        long startedAt = System.nanoTime();
        source.start(sink);
        assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofSeconds(1));

        Thread.sleep(2_500); // long enough for a first failed attempt and a retry
        long closingAt = System.nanoTime();
        source.close();

        assertThat(Duration.ofNanos(System.nanoTime() - closingAt)).isLessThan(Duration.ofSeconds(5));
        assertThat(published).isEmpty();
    }
}
