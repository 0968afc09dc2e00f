package io.palisade.cli.selftest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the self-test's host actions run: one directory per action inside a directory the collector's
 * file-integrity source watches (the quickstart watches {@code <data dir>/selftest}), all deleted at
 * {@link #close()}. Nothing outside it is touched.
 */
final class HostLab implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HostLab.class);

    private final Path watched;
    private final Set<Path> created = ConcurrentHashMap.newKeySet();
    private boolean closed;

    /**
     * @param watched a directory the file-integrity source watches
     * @throws IllegalArgumentException when it does not exist
     */
    HostLab(Path watched) {
        if (!Files.isDirectory(watched)) {
            throw new IllegalArgumentException("directory " + watched + " does not exist: the host actions need a "
                    + "directory the collector's file-integrity source watches (the quickstart watches <data dir>/"
                    + "selftest; pass the quickstart's --data-dir, or --watched-dir)");
        }
        this.watched = watched;
    }

    /**
     * Runs {@code script} with {@code sh -c} in a new directory named {@code marker}, with {@code HOME} set to its
     * {@code home} subdirectory and {@code DIR} to the directory itself.
     *
     * @throws IllegalStateException when the script fails or does not end within {@code timeout}
     */
    void run(String marker, String script, Duration timeout) throws InterruptedException {
        Path directory = watched.resolve(marker);
        try {
            // One lock with close(): a directory made while a Ctrl-C closes the lab would be left behind.
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("the self-test is stopping");
                }
                created.add(Files.createDirectory(directory));
            }
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", script).directory(directory.toFile())
                    .redirectErrorStream(true);
            builder.environment().put("HOME", directory.resolve("home").toString());
            builder.environment().put("DIR", directory.toString());
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("sh -c did not end within " + timeout);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new IllegalStateException("sh -c exited with " + process.exitValue() + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the host action in " + directory, e);
        }
    }

    /** Deletes every action directory and makes no more; safe to call twice and from a shutdown hook. */
    @Override
    public void close() {
        List<Path> left;
        synchronized (this) {
            closed = true;
            left = List.copyOf(created);
        }
        for (Path directory : left) {
            created.remove(directory);
            try (Stream<Path> tree = Files.walk(directory)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                LOG.atWarn().addKeyValue("directory", directory).setCause(e)
                        .log("self-test directory not deleted; delete it by hand");
            }
        }
    }
}
