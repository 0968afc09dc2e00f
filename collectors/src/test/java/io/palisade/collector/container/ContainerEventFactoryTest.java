package io.palisade.collector.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.github.dockerjava.api.model.Event;
import io.palisade.collector.CollectorIdentity;
import io.palisade.collector.container.ContainerEventFactory.ExecDetails;
import io.palisade.schema.Agent;
import io.palisade.schema.ContainerAction;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.Host;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Engine events and inspections captured from the real engine → {@link ContainerEvent}. */
class ContainerEventFactoryTest {

    private static final CollectorIdentity IDENTITY = new CollectorIdentity(
            Host.newBuilder().setName("web-1").setId("machine-1").build(),
            Agent.newBuilder().setId("agent-1").setVersion("test").build());
    private final ContainerEventFactory factory = new ContainerEventFactory(IDENTITY);

    @Test
    void startCarriesIdentityAndPosture() {
        Instant when = Instant.parse("2026-11-23T10:36:00Z");
        String digest = "sha256:" + "5e".repeat(32);
        ContainerEvent event = factory.withPosture(ContainerAction.START, when,
                Fixtures.inspect("start_docker-privileged.json"), digest);

        assertThat(event.getEvent().getAction()).isEqualTo(ContainerAction.START);
        assertThat(event.getEvent().getCreated()).isEqualTo(when);
        assertThat(event.getContainer().getId())
                .isEqualTo("4be9ee1943854903482859d4e3eb5038127dac2d45d2aed80e3ddb7c15511e51");
        assertThat(event.getContainer().getName()).isEqualTo("fx-privileged");
        assertThat(event.getContainer().getImage().getName()).isEqualTo("local/busybox:1");
        assertThat(event.getContainer().getImage().getDigest()).isEqualTo(digest);
        assertThat(event.getContainer().getSecurityContext().getPrivileged()).isTrue();
        assertThat(event.getHost()).isEqualTo(IDENTITY.host());
        assertThat(event.getAgent()).isEqualTo(IDENTITY.agent());
        assertThat(event.getPosture().getPrivileged()).isTrue();
    }

    @Test
    void execStartCarriesTheCommandLine() {
        Event engineEvent = Fixtures.event("exec_start_docker-event.json");
        ContainerEvent event = factory.fromEngineEvent(ContainerAction.EXEC, engineEvent, new ExecDetails("0", false));

        assertThat(event.getEvent().getAction()).isEqualTo(ContainerAction.EXEC);
        assertThat(event.getExec().getCommandLine()).isEqualTo("ls -la /");
        assertThat(event.getExec().getId())
                .isEqualTo("28c83bfeafba480dc082f89c2287a24f9e2b6d5a403da63a9baf1738f76af252");
        assertThat(event.getExec().getUser()).isEqualTo("0");
        assertThat(event.getExec().getPrivileged()).isFalse();
        assertThat(event.getContainer().getName()).isEqualTo("fx-hardened");
        assertThat(event.getPosture()).isNull();
    }

    @Test
    void execThatCouldNotBeInspectedStillCarriesTheCommandLine() {
        ContainerEvent event = factory.fromEngineEvent(ContainerAction.EXEC,
                Fixtures.event("exec_start_docker-event.json"), null);

        assertThat(event.getExec().getCommandLine()).isEqualTo("ls -la /");
        assertThat(event.getExec().getUser()).isNull();
        assertThat(event.getExec().getPrivileged()).isNull();
    }

    @Test
    void dieCarriesExitCodeAndDaemonTime() {
        Event engineEvent = Fixtures.event("die_docker-event.json");
        ContainerEvent event = factory.fromEngineEvent(ContainerAction.DIE, engineEvent, null);

        assertThat(event.getExitCode()).isEqualTo(137);
        assertThat(event.getEvent().getCreated()).isEqualTo(Instant.ofEpochSecond(0, 1795430209850882600L)
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(event.getContainer().getName()).isEqualTo("fx-privileged");
    }

    @Test
    void destroyNamesTheContainerFromTheEventAlone() {
        ContainerEvent event = factory.fromEngineEvent(ContainerAction.DESTROY,
                Fixtures.event("destroy_docker-event.json"), null);

        assertThat(event.getContainer().getId())
                .isEqualTo("4be9ee1943854903482859d4e3eb5038127dac2d45d2aed80e3ddb7c15511e51");
        assertThat(event.getExitCode()).isNull();
        assertThat(event.getExec()).isNull();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"start, START", "die, DIE", "destroy, DESTROY", "oom, OOM", "exec_start: ls -la /, EXEC",
            "kill, KILL", "restart, RESTART"})
    void keptDockerActions(String dockerAction, ContainerAction action) {
        assertThat(ContainerEventFactory.actionOf(dockerAction)).contains(action);
    }

    @ParameterizedTest(name = "{0} is ignored")
    @CsvSource({"exec_create: ls", "exec_die", "attach", "resize", "health_status: healthy", "top"})
    void ignoredDockerActions(String dockerAction) {
        assertThat(ContainerEventFactory.actionOf(dockerAction)).isEmpty();
    }
}
