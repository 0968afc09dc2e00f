package io.palisade.collector.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import io.palisade.collector.CollectorIdentity;
import io.palisade.collector.container.DockerClients;
import io.palisade.collector.stats.QueueSink;
import io.palisade.schema.Agent;
import io.palisade.schema.Host;
import io.palisade.schema.HostAction;
import io.palisade.schema.HostEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** With no engine, host events still go out, without daemon settings, and the engine is tried again soon. */
class HostSourceWithoutEngineTest {

    @Test
    @Timeout(30)
    void eventsCarryMembersAndOsButNoDaemonAndRetryBeforeTheHeartbeat(@TempDir Path dir) throws Exception {
        Path group = Files.writeString(dir.resolve("group"), "root:x:0:\ndocker:x:999:alice,bob\n");
        CollectorIdentity identity = new CollectorIdentity(Host.newBuilder().setName("h").setId("host-1").build(),
                Agent.newBuilder().setId("a").setVersion("test").build());
        QueueSink sink = new QueueSink();
        HostSource source = new HostSource(() -> DockerClients.forConfig(DefaultDockerClientConfig
                .createDefaultConfigBuilder().withDockerHost("unix://" + dir.resolve("no-engine.sock")).build()),
                identity, new HostSettings(true, Duration.ofMinutes(10), group, dir.resolve("daemon.json")));
        try {
            source.start(sink);

            HostEvent started = (HostEvent) sink.await("STARTED", p -> true, 10).value();
            HostEvent retry = (HostEvent) sink.await("a HEARTBEAT long before the 10 min heartbeat", p -> true, 10)
                    .value();

            assertThat(started.getEvent().getAction()).isEqualTo(HostAction.STARTED);
            assertThat(started.getDocker()).isNull();
            assertThat(started.getDockerGroupMembers()).containsExactly("alice", "bob");
            assertThat(started.getHost().getOs().getKernel())
                    .isEqualTo(Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip());
            assertThat(retry.getEvent().getAction()).isEqualTo(HostAction.HEARTBEAT);
        } finally {
            source.close();
        }
        HostEvent stopping = (HostEvent) sink.await("STOPPING", p -> true, 5).value();
        assertThat(stopping.getEvent().getAction()).isEqualTo(HostAction.STOPPING);
    }
}
