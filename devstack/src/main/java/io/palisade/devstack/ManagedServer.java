package io.palisade.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real server running in a child JVM on ports chosen once, so that it can be stopped and started again at the same
 * address with the same data, the way an operator restarts a broker or a node.
 *
 * <p>Subclasses say how to launch the server and how to tell it is ready; this class owns the process, the wait, the
 * log file and the clean-up.
 */
public abstract class ManagedServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedServer.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Path workDir;
    private final Path logFile;
    private final Duration startTimeout;
    private final Thread killOnExit = new Thread(this::killQuietly, "devstack-kill-on-exit");
    private ChildJvm jvm;
    private Duration lastStartupTime = Duration.ZERO;

    protected ManagedServer(String name, Path workDir, Path logDir, Duration startTimeout) {
        this.name = name;
        this.workDir = workDir;
        this.logFile = logDir.resolve(name + ".log");
        this.startTimeout = startTimeout;
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + workDir, e);
        }
        // A test JVM that ends without closing its servers must not leave brokers and nodes behind.
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** The command line of the server; called on every start, after the work directory exists. */
    protected abstract JavaCommand command();

    /** True once the server answers; {@code output} is what this run has logged so far. */
    protected abstract boolean isReady(String output);

    public final String name() {
        return name;
    }

    /** Where this server's combined standard output and error are appended. */
    public final Path logFile() {
        return logFile;
    }

    protected final Path workDir() {
        return workDir;
    }

    /** How long the last {@link #start()} took until the server was ready. */
    public final Duration lastStartupTime() {
        return lastStartupTime;
    }

    public final synchronized boolean isRunning() {
        return jvm != null && jvm.isAlive();
    }

    /**
     * Starts the server and waits until it is ready.
     *
     * @throws IllegalStateException when it exits or does not get ready in time, with the tail of its log
     */
    public final synchronized void start() {
        if (isRunning()) {
            return;
        }
        long began = System.nanoTime();
        jvm = ChildJvm.start(command(), workDir, logFile);
        long deadline = began + startTimeout.toNanos();
        while (!isReady(jvm.output())) {
            if (!jvm.isAlive()) {
                throw new IllegalStateException(name + " exited while starting; last lines of " + logFile + ":\n"
                        + jvm.tail(40));
            }
            if (System.nanoTime() > deadline) {
                jvm.kill();
                throw new IllegalStateException(name + " was not ready within " + startTimeout.toSeconds()
                        + " s; last lines of " + logFile + ":\n" + jvm.tail(40));
            }
            sleep(POLL);
        }
        lastStartupTime = Duration.ofNanos(System.nanoTime() - began);
        LOG.atInfo().addKeyValue("server", name).addKeyValue("pid", jvm.pid())
                .addKeyValue("startup_ms", lastStartupTime.toMillis()).log("devstack server ready");
    }

    /** Stops the server cleanly (SIGTERM), keeping its data for the next {@link #start()}. */
    public final synchronized void stop() {
        if (jvm != null) {
            jvm.stop(STOP_GRACE);
            jvm = null;
        }
    }

    /** Kills the server (SIGKILL), as a crash would; its data stays for the next {@link #start()}. */
    public final synchronized void kill() {
        if (jvm != null) {
            jvm.kill();
            jvm = null;
        }
    }

    /** Stops the server and deletes its data. */
    @Override
    public final void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway and finds nothing left to kill
        }
        deleteRecursively(workDir);
    }

    private void killQuietly() {
        ChildJvm running = jvm;
        if (running != null) {
            running.kill();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.atWarn().addKeyValue("dir", dir).setCause(e).log("could not delete devstack work directory");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a devstack server", e);
        }
    }
}
