package io.palisade.collector.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecReaderTest {

    private static final String CONTAINER = "b33a2f22fef0b8fd4d628698180b73dfe79b73940dc8ab29e0886f60ec1c0325";
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path root;

    private final List<ProcessSnapshot> read = new ArrayList<>();

    @Test
    void anExecKeepsTheArgsAndContainerOfItsFirstReadWhenItEndsBeforeTheRestIsRead() throws IOException {
        FakeProc proc = new FakeProc(root).process(42, "ls", 10, 900, "/bin/busybox",
                CgroupContainerIdTest.fixture("docker_cgroupfs-v1.txt"), "ls", "/etc");
        ExecReader reader = reader(proc);

        reader.exec(new ExecNotice(42, OptionalLong.of(10)));
        assertThat(read).as("the rest waits until the back end has caught up").isEmpty();
        proc.zombie(42, "ls", 10, 900); // ended meanwhile: no more args, no more exe
        reader.caughtUp();

        assertThat(read).singleElement().satisfies(ls -> {
            assertThat(ls.args()).containsExactly("ls", "/etc");
            assertThat(ls.containerId()).isEqualTo(CONTAINER);
            assertThat(ls.name()).isEqualTo("ls");
            assertThat(ls.executable()).isNull();
            assertThat(ls.complete()).isFalse();
        });
    }

    @Test
    void aProcessGoneBeforeItsFirstReadIsStillReportedWithTheParentTheBackEndSaw() {
        ExecReader reader = reader(new FakeProc(root));

        reader.exec(new ExecNotice(77, OptionalLong.of(5)));
        reader.caughtUp();

        assertThat(read).containsExactly(new ProcessSnapshot(77, null, null, List.of(), null, null, null, 5L, null,
                null, null, false));
    }

    @Test
    void anEndlessBurstIsCompletedInBoundedBatchesInTheOrderSeen() {
        FakeProc proc = new FakeProc(root);
        for (int pid = 100; pid < 100 + ExecReader.MAX_PENDING + 1; pid++) {
            proc.process(pid, "true", 1, pid, "/opt/bench/true", "0::/\n", "/opt/bench/true", Integer.toString(pid));
        }
        ExecReader reader = reader(proc);

        for (int pid = 100; pid < 100 + ExecReader.MAX_PENDING + 1; pid++) {
            reader.exec(new ExecNotice(pid, OptionalLong.empty()));
        }

        assertThat(read).hasSize(ExecReader.MAX_PENDING);
        assertThat(read).extracting(ProcessSnapshot::pid).isSorted();
        reader.caughtUp();
        assertThat(read).hasSize(ExecReader.MAX_PENDING + 1);
        assertThat(read.getLast().args()).containsExactly("/opt/bench/true", Integer.toString(100 + ExecReader.MAX_PENDING));
    }

    @Test
    void theRestIsReadOneExecAtATimeOldestFirstSoANewExecCanGetItsFirstReadBetweenTwo() {
        FakeProc proc = new FakeProc(root);
        for (int pid = 200; pid < 203; pid++) {
            proc.process(pid, "true", 1, pid, "/opt/bench/true", "0::/\n", "/opt/bench/true", Integer.toString(pid));
        }
        ExecReader reader = reader(proc);
        reader.exec(new ExecNotice(200, OptionalLong.empty()));
        reader.exec(new ExecNotice(201, OptionalLong.empty()));

        assertThat(reader.completeOne()).as("one more waits").isTrue();
        assertThat(read).extracting(ProcessSnapshot::pid).containsExactly(200L);
        reader.exec(new ExecNotice(202, OptionalLong.empty()));
        assertThat(reader.completeOne()).isTrue();
        assertThat(reader.completeOne()).as("none left").isFalse();

        assertThat(read).extracting(ProcessSnapshot::pid).containsExactly(200L, 201L, 202L);
        assertThat(reader.completeOne()).isFalse();
    }

    private ExecReader reader(FakeProc proc) {
        return new ExecReader(proc.procFs(), Clock.fixed(NOW, ZoneOffset.UTC), (snapshot, seen) -> {
            assertThat(seen).isEqualTo(NOW);
            read.add(snapshot);
        });
    }
}
