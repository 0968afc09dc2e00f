package io.palisade.collector.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Moves threads to the lowest real-time priority (SCHED_FIFO 1) and back, through libc via JNA; needs root
 * (CAP_SYS_NICE) or an RLIMIT_RTPRIO that allows it.
 *
 * <p>The exec observer runs at that priority so that it reads a short-lived process before the process ends. But a
 * Java thread also stops whenever the JVM brings every thread to a safepoint, for a garbage collection above all, and
 * stays stopped until the JVM's "VM Thread" has done the collection (the serial collector does it in that thread) and
 * released the others. At normal priority on a busy host, the VM Thread waits for a processor between those steps, so
 * a collection of a millisecond's work stopped the observer for 10 to 40 ms, in which every exec of a burst ended
 * unread. At real-time priority the VM Thread runs as soon as it is ready and the observer stops only as long as the
 * collection's own work.
 */
final class RealtimeScheduling {

    private static final int SCHED_OTHER = 0;
    private static final int SCHED_FIFO = 1;
    private static final int LOWEST_REALTIME_PRIORITY = 1;
    /** The JVM thread that runs safepoint operations, the serial collector's collections among them. */
    static final String VM_THREAD = "VM Thread";
    private static final Path OWN_THREADS = Path.of("/proc/self/task");

    private RealtimeScheduling() {
    }

    /** Moves the calling thread to real-time priority; false when not permitted. */
    static boolean raiseCurrentThread() {
        return setScheduler(0, SCHED_FIFO, LOWEST_REALTIME_PRIORITY);
    }

    /** Moves this JVM's thread of that name ({@code comm}) to real-time priority; false when absent or refused. */
    static boolean raiseJvmThread(String name) {
        OptionalLong thread = threadNamed(name);
        return thread.isPresent() && setScheduler(thread.getAsLong(), SCHED_FIFO, LOWEST_REALTIME_PRIORITY);
    }

    /** Returns this JVM's thread of that name to normal scheduling (nice 0), e.g. once no observer needs it fast. */
    static void lowerJvmThread(String name) {
        OptionalLong thread = threadNamed(name);
        if (thread.isPresent()) {
            setScheduler(thread.getAsLong(), SCHED_OTHER, 0);
        }
    }

    private static boolean setScheduler(long thread, int policy, int priority) {
        try {
            LibC.INSTANCE.sched_setscheduler((int) thread, policy, new int[] {priority});
            return true;
        } catch (LastErrorException | LinkageError e) {
            return false; // not permitted here (or no libc through JNA): the thread keeps its scheduling
        }
    }

    /** The id of this process's thread whose kernel name is {@code name}, read from /proc/self/task. */
    static OptionalLong threadNamed(String name) {
        List<Path> threads = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(OWN_THREADS)) {
            tasks.forEach(threads::add);
        } catch (IOException e) {
            return OptionalLong.empty(); // no /proc: nothing to find
        }
        for (Path thread : threads) {
            try {
                if (Files.readString(thread.resolve("comm")).strip().equals(name)) {
                    return OptionalLong.of(Long.parseLong(thread.getFileName().toString()));
                }
            } catch (IOException e) {
                // the thread ended between the listing and the read
            }
        }
        return OptionalLong.empty();
    }

    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int sched_setscheduler(int pid, int policy, int[] parameters) throws LastErrorException;
    }
}
