package io.palisade.collector.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.palisade.collector.CollectorIdentity;
import io.palisade.schema.Agent;
import io.palisade.schema.Container;
import io.palisade.schema.FileAction;
import io.palisade.schema.FileEvent;
import io.palisade.schema.Host;
import org.junit.jupiter.api.Test;

class FileEventFactoryTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final FileEventFactory factory = new FileEventFactory(new CollectorIdentity(
            Host.newBuilder().setName("web-1").setId("host-id").build(),
            Agent.newBuilder().setId("agent-id").setVersion("1").build()), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aModificationCarriesTheFileNowAndItsHashBefore() {
        FileState before = FileChangeTest.state(1, 0644);
        FileState after = new FileState(12, 04755, 0, 1000, 42, 5, 6, false, FileChangeTest.state(2, 0).sha256());

        FileEvent event = factory.hostFile(new FileChange(Path.of("/usr/bin/su"), FileAction.MODIFIED, before, after));

        assertThat(event.getEvent().getAction()).isEqualTo(FileAction.MODIFIED);
        assertThat(event.getEvent().getCreated()).isEqualTo(NOW);
        assertThat(event.getHost().getId()).isEqualTo("host-id");
        assertThat(event.getFile().getPath()).isEqualTo("/usr/bin/su");
        assertThat(event.getFile().getHash().getSha256()).isEqualTo("02".repeat(32));
        assertThat(event.getFile().getOriginal().getHash().getSha256()).isEqualTo("01".repeat(32));
        assertThat(event.getFile().getSize()).isEqualTo(12L);
        assertThat(event.getFile().getMode()).isEqualTo("4755");
        assertThat(event.getFile().getUid()).isEqualTo("0");
        assertThat(event.getFile().getGid()).isEqualTo("1000");
        assertThat(event.getFile().getInode()).isEqualTo("42");
        assertThat(event.getContainer()).isNull();
    }

    @Test
    void aDeletedFileHasOnlyItsPathAndItsLastHash() {
        FileEvent event = factory.hostFile(new FileChange(Path.of("/etc/cron.d/job"), FileAction.DELETED,
                FileChangeTest.state(3, 0644), null));

        assertThat(event.getFile().getHash()).isNull();
        assertThat(event.getFile().getMode()).isNull();
        assertThat(event.getFile().getOriginal().getHash().getSha256()).isEqualTo("03".repeat(32));
    }

    @Test
    void anAttributeChangeHasNoOriginal() {
        FileEvent event = factory.hostFile(new FileChange(Path.of("/f"), FileAction.ATTRIBUTES_CHANGED,
                FileChangeTest.state(3, 0644), FileChangeTest.state(3, 0600)));

        assertThat(event.getFile().getMode()).isEqualTo("0600");
        assertThat(event.getFile().getOriginal()).isNull();
    }

    @Test
    void driftNamesItsContainerAndThePathInside() {
        Container container = Container.newBuilder().setId("c".repeat(64)).setName("web").build();

        FileEvent event = factory.containerFile(FileAction.CREATED, "/tmp/payload", container);

        assertThat(event.getContainer()).isEqualTo(container);
        assertThat(event.getFile().getPath()).isEqualTo("/tmp/payload");
        assertThat(event.getFile().getHash()).isNull();
    }
}
