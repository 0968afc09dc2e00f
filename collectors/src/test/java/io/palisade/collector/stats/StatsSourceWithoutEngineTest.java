package io.palisade.collector.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import io.palisade.collector.CollectorIdentity;
import io.palisade.collector.container.DockerClients;
import io.palisade.schema.Agent;
import io.palisade.schema.ContainerStats;
import io.palisade.schema.Host;
import io.palisade.schema.topic.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** With no engine behind the socket, host totals still go out every interval, with a CPU percentage from the second. */
class StatsSourceWithoutEngineTest {

    @Test
    @Timeout(30)
    void hostTotalsGoOnWhileTheEngineIsRetried(@TempDir Path dir) throws Exception {
        CollectorIdentity identity = new CollectorIdentity(Host.newBuilder().setName("h").setId("host-1").build(),
                Agent.newBuilder().setId("a").setVersion("test").build());
        QueueSink sink = new QueueSink();
        StatsSource source = new StatsSource(() -> DockerClients.forConfig(DefaultDockerClientConfig
                .createDefaultConfigBuilder().withDockerHost("unix://" + dir.resolve("no-engine.sock")).build()),
                identity, new StatsSettings(true, Duration.ofSeconds(1)));
        try {
            source.start(sink);

            QueueSink.Published first = sink.await("host totals", p -> p.key().equals("host-1"), 10);
            QueueSink.Published second = sink.await("host totals again", p -> p.key().equals("host-1"), 10);

            assertThat(first.topic()).isEqualTo(Topics.CONTAINER_STATS.name());
            ContainerStats firstStats = (ContainerStats) first.value();
            ContainerStats secondStats = (ContainerStats) second.value();
            assertThat(firstStats.getContainer()).isNull();
            assertThat(firstStats.getCpuPercent()).as("no previous sample").isNull();
            long cpus = Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.matches("cpu\\d+ .*")).count();
            assertThat(secondStats.getCpuPercent()).as("100 per CPU at most").isNotNull().isBetween(0.0, 100.0 * cpus);
            assertThat(secondStats.getMemoryUsageBytes()).isPositive().isLessThan(secondStats.getMemoryLimitBytes());
            assertThat(secondStats.getPids()).isPositive();
            assertThat(secondStats.getBlockReadBytes()).isNotNull();
        } finally {
            source.close();
        }
    }
}
