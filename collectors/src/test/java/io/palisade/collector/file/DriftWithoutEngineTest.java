package io.palisade.collector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.palisade.collector.CollectorIdentity;
import io.palisade.collector.EventSink;
import io.palisade.schema.Agent;
import io.palisade.schema.FileAction;
import io.palisade.schema.FileEvent;
import io.palisade.schema.Host;
import io.palisade.schema.topic.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** With no engine behind the socket, the drift source retries in the background while the file source works. */
class DriftWithoutEngineTest {

    @Test
    @Timeout(60)
    void driftRetriesQuietlyAndFileIntegrityKeepsReporting(@TempDir Path dir) throws Exception {
        URI absentEngine = URI.create("unix://" + dir.resolve("no-engine.sock"));
        Path watched = Files.createDirectories(dir.resolve("watched")).toRealPath();
        List<FileEvent> published = new CopyOnWriteArrayList<>();
        EventSink sink = new EventSink() {
            @Override
            public <V extends SpecificRecord> void publish(Topic<String, V> topic, String key, V value) {
                published.add((FileEvent) value);
            }
        };
        CollectorIdentity identity = new CollectorIdentity(Host.newBuilder().setName("h").setId("h").build(),
                Agent.newBuilder().setId("a").setVersion("test").build());
        ContainerDriftSource drift = new ContainerDriftSource(() -> client(absentEngine), identity,
                new DriftSettings(true, Duration.ofMillis(500)));
        FileIntegritySource files = new FileIntegritySource(identity, new FileIntegritySettings(true,
                List.of(watched.toString()), null, null, dir.resolve("state"), null, null));

        long startedAt = System.nanoTime();
        drift.start(sink);
        files.start(sink);
        assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofSeconds(1));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dir.resolve("state/baseline.pfim")));
        Path created = Files.writeString(watched.resolve("new"), "x");
        await().atMost(Duration.ofSeconds(30)).until(() -> published.stream().anyMatch(e -> e.getFile().getPath()
                .equals(created.toString()) && e.getEvent().getAction() == FileAction.CREATED));

        long closingAt = System.nanoTime();
        drift.close();
        files.close();
        assertThat(Duration.ofNanos(System.nanoTime() - closingAt)).isLessThan(Duration.ofSeconds(5));
        assertThat(published).allSatisfy(event -> assertThat(event.getContainer()).isNull());
    }

    private static DockerClient client(URI engine) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(engine.toString()).build();
        return DockerClientImpl.getInstance(config,
                new ZerodepDockerHttpClient.Builder().dockerHost(engine).connectionTimeout(Duration.ofSeconds(1))
                        .build());
    }
}
