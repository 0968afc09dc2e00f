package io.palisade.collector.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java's inotify-based watch service on a real directory: what it reports, and when it loses events. */
class RealtimeWatchTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void reportsCreationAndChmodOfAFileInAWatchedDirectory() throws Exception {
        try (RealtimeWatch watch = new RealtimeWatch()) {
            assertThat(watch.register(dir)).isTrue();
            Path file = Files.writeString(dir.resolve("a"), "a");
            assertThat(watch.poll(WAIT).paths()).containsExactly(file);

            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
            RealtimeWatch.Batch chmod = watch.poll(WAIT);
            assertThat(chmod.paths()).as("IN_ATTRIB arrives as ENTRY_MODIFY").containsExactly(file);
            assertThat(chmod.overflow()).isFalse();
        }
    }

    @Test
    void aDirectoryWithMoreEventsThanTheServiceKeepsIsReportedAsOverflow() throws Exception {
        try (RealtimeWatch watch = new RealtimeWatch()) {
            watch.register(dir);
            // Nobody polls meanwhile: beyond 512 queued events the JDK replaces them with one OVERFLOW.
            for (int i = 0; i < 1000; i++) {
                Files.createFile(dir.resolve("f" + i));
            }
            assertThat(watch.poll(WAIT).overflow()).isTrue();
        }
    }

    @Test
    void aDirectoryThatCannotBeWatchedIsRefused() throws Exception {
        try (RealtimeWatch watch = new RealtimeWatch()) {
            assertThat(watch.register(dir.resolve("missing"))).isFalse();
            assertThat(watch.watched()).isZero();
        }
    }
}
