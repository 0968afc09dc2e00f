package io.palisade.collector.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcPollingTest {

    @TempDir
    Path root;

    @Test
    void reportsNewProcessesAndExecsInPlaceButNotWhatRanBefore() throws Exception {
        FakeProc proc = new FakeProc(root).process(1, "init", 0, 1, "/sbin/init", "0::/init.scope\n", "/sbin/init");
        BlockingQueue<ExecNotice> notices = new LinkedBlockingQueue<>();
        ProcPolling polling = ProcPolling.open(proc.procFs(), Duration.ofMillis(10));
        Thread observer = Thread.ofPlatform().start(() -> {
            try {
                polling.observe(notices::add, () -> Thread.currentThread().isInterrupted());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        try {
            proc.process(2, "bash", 1, 50, "/bin/bash", "0::/\n", "bash");
            assertThat(notices.poll(10, TimeUnit.SECONDS)).isEqualTo(new ExecNotice(2, OptionalLong.of(1)));

            proc.process(2, "ls", 1, 50, "/bin/ls", "0::/\n", "ls"); // bash exec'd ls: same pid, new name
            assertThat(notices.poll(10, TimeUnit.SECONDS)).isEqualTo(new ExecNotice(2, OptionalLong.of(1)));

            proc.process(3, "sleep", 2, 60, "/bin/sleep", "0::/\n", "sleep", "1");
            assertThat(notices.poll(10, TimeUnit.SECONDS).pid()).isEqualTo(3);
            assertThat(notices.poll(100, TimeUnit.MILLISECONDS)).as("pid 1 ran before, nothing changed").isNull();
        } finally {
            observer.interrupt();
            observer.join();
            polling.close();
        }
    }
}
