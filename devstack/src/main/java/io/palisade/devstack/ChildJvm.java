package io.palisade.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One running child JVM whose standard output and error are appended to a log file.
 *
 * <p>Reading the log from the offset at which this process started lets a restarted server be judged by its own
 * lines only, never by the previous run's.
 */
final class ChildJvm {

    private final Process process;
    private final Path logFile;
    private final long logOffsetAtStart;

    private ChildJvm(Process process, Path logFile, long logOffsetAtStart) {
        this.process = process;
        this.logFile = logFile;
        this.logOffsetAtStart = logOffsetAtStart;
    }

    static ChildJvm start(JavaCommand command, Path workDir, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            long offset = Files.exists(logFile) ? Files.size(logFile) : 0;
            Process process = new ProcessBuilder(command.argv())
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return new ChildJvm(process, logFile, offset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.mainClass(), e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** What this run wrote to the log so far. */
    String output() {
        try {
            byte[] all = Files.readAllBytes(logFile);
            int from = (int) Math.min(logOffsetAtStart, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines of this run's log, for error messages. */
    String tail(int lines) {
        List<String> all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Asks the JVM to stop (SIGTERM, so its shutdown hooks run), then kills it when it outlives the grace period. */
    void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** SIGKILL: no shutdown hooks, like a crash. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
