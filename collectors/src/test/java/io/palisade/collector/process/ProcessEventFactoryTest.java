package io.palisade.collector.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.palisade.collector.CollectorIdentity;
import io.palisade.schema.Agent;
import io.palisade.schema.Container;
import io.palisade.schema.Host;
import io.palisade.schema.ProcessAction;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.ProcessParent;
import io.palisade.schema.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessEventFactoryTest {

    private static final CollectorIdentity IDENTITY = new CollectorIdentity(
            Host.newBuilder().setName("node-1").setId("machine-1").build(),
            Agent.newBuilder().setId("agent-1").setVersion("test").build());
    private static final Instant SEEN = Instant.parse("2026-11-23T12:00:00.123Z");
    private static final String CONTAINER = "b33a2f22fef0b8fd4d628698180b73dfe79b73940dc8ab29e0886f60ec1c0325";

    @TempDir
    Path dir;

    @Test
    void execInAContainerIsEcsShapedWithOnlyTheContainerId() throws IOException {
        ProcessEvent event = factory().exec(new ProcessSnapshot(42, "ls", "/bin/busybox", List.of("ls", "-l"),
                "/srv", 1000L, 900L, 10L, "sh", "/bin/busybox", CONTAINER, true), SEEN);

        assertThat(event.getEvent().getAction()).isEqualTo(ProcessAction.EXEC);
        assertThat(event.getEvent().getCreated()).isEqualTo(SEEN);
        assertThat(event.getEvent().getId()).hasSize(36);
        assertThat(event.getHost()).isEqualTo(IDENTITY.host());
        assertThat(event.getAgent()).isEqualTo(IDENTITY.agent());
        assertThat(event.getProcess().getPid()).isEqualTo(42);
        assertThat(event.getProcess().getName()).isEqualTo("ls");
        assertThat(event.getProcess().getExecutable()).isEqualTo("/bin/busybox");
        assertThat(event.getProcess().getArgs()).containsExactly("ls", "-l");
        assertThat(event.getProcess().getWorkingDirectory()).isEqualTo("/srv");
        assertThat(event.getProcess().getExitCode()).isNull();
        assertThat(event.getProcess().getParent()).isEqualTo(new ProcessParent(10L, "sh", "/bin/busybox"));
        assertThat(event.getUser()).isEqualTo(new User("1000", "app"));
        assertThat(event.getContainer()).isEqualTo(Container.newBuilder().setId(CONTAINER).build());
    }

    @Test
    void aProcessGoneBeforeItCouldBeReadIsStillReportedWithWhatIsKnown() throws IOException {
        ProcessEvent event = factory().exec(new ProcessSnapshot(77, null, null, List.of(), null, null, null, 5L,
                null, null, null, false), SEEN);

        assertThat(event.getProcess().getPid()).isEqualTo(77);
        assertThat(event.getProcess().getArgs()).isEmpty();
        assertThat(event.getProcess().getParent()).isEqualTo(new ProcessParent(5L, null, null));
        assertThat(event.getUser()).isNull();
        assertThat(event.getContainer()).isNull();
    }

    @Test
    void aUidTheHostDoesNotKnowHasNoName() throws IOException {
        ProcessEvent event = factory().exec(new ProcessSnapshot(1, "nginx", "/usr/sbin/nginx", List.of("nginx"),
                "/", 101L, 1L, null, null, null, CONTAINER, true), SEEN);

        assertThat(event.getUser()).isEqualTo(new User("101", null));
        assertThat(event.getProcess().getParent()).isNull();
    }

    private ProcessEventFactory factory() throws IOException {
        Path passwd = Files.writeString(dir.resolve("passwd"),
                "root:x:0:0:root:/root:/bin/bash\nbroken line\napp:x:1000:1000::/home/app:/bin/sh\n");
        return new ProcessEventFactory(IDENTITY, new UserNames(passwd, Clock.systemUTC()));
    }
}
