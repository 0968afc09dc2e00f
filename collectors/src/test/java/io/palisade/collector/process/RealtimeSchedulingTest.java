package io.palisade.collector.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class RealtimeSchedulingTest {

    private static final int SCHED_OTHER = 0;
    private static final int SCHED_FIFO = 1;

    @Test
    void findsTheJvmsVmThreadByItsKernelName() throws IOException {
        OptionalLong vmThread = RealtimeScheduling.threadNamed(RealtimeScheduling.VM_THREAD);

        assertThat(vmThread).isPresent();
        assertThat(Files.readString(task(vmThread.getAsLong()).resolve("comm")).strip()).isEqualTo("VM Thread");
    }

    @Test
    void aThreadNameNoThreadHasIsNotFound() {
        assertThat(RealtimeScheduling.threadNamed("no such thread")).isEmpty();
        assertThat(RealtimeScheduling.raiseJvmThread("no such thread")).isFalse();
    }

    @Test
    void movesTheVmThreadToRealTimePriorityAndBack() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "real-time priority needs root");
        long vmThread = RealtimeScheduling.threadNamed(RealtimeScheduling.VM_THREAD).orElseThrow();

        assertThat(RealtimeScheduling.raiseJvmThread(RealtimeScheduling.VM_THREAD)).isTrue();
        assertThat(policy(vmThread)).isEqualTo(SCHED_FIFO);

        RealtimeScheduling.lowerJvmThread(RealtimeScheduling.VM_THREAD);
        assertThat(policy(vmThread)).isEqualTo(SCHED_OTHER);
    }

    private static Path task(long thread) {
        return Path.of("/proc/self/task", Long.toString(thread));
    }

    /** Field 41 of /proc/self/task/TID/stat, counted after the command name in parentheses (field 2). */
    private static int policy(long thread) throws IOException {
        String stat = Files.readString(task(thread).resolve("stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[41 - 3]);
    }
}
