package io.palisade.collector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {

    @TempDir
    Path stateDir;

    @Test
    void baselineSurvivesARoundTrip() throws IOException {
        Map<Path, FileState> baseline = new HashMap<>();
        baseline.put(Path.of("/etc/passwd"), FileChangeTest.state(1, 0644));
        baseline.put(Path.of("/etc/passwd-"), FileChangeTest.state(2, 0600));
        baseline.put(Path.of("/etc/ssh/sshd_config"), FileChangeTest.state(3, 0644));
        baseline.put(Path.of("/usr/bin/sudo"), new FileState(232416, 04755, 0, 0, 1L << 40, 1_700_000_000_123_456_789L,
                1_700_000_000_987_654_321L, false, FileChangeTest.state(4, 0).sha256()));
        baseline.put(Path.of("/etc/localtime"), new FileState(33, 0777, 0, 0, 9, 5, 6, true, null));
        baseline.put(Path.of("/home/zoë/.ssh/authorized_keys"), FileChangeTest.state(5, 0600));
        baseline.put(Path.of("/data/\uD83D\uDD11key"), FileChangeTest.state(6, 0600));
        baseline.put(Path.of("/data/\uD83D\uDD12lock"), new FileState(0, 0600, -2, -2, 1, 1, 1, false, null));
        StateFile file = new StateFile(stateDir);

        file.write(baseline);

        assertThat(file.read()).contains(baseline);
        try (var left = Files.list(stateDir)) {
            assertThat(left).as("files in the state directory").containsExactly(file.path());
        }
    }

    @Test
    void aNewBaselineReplacesTheOld() throws IOException {
        StateFile file = new StateFile(stateDir);
        file.write(Map.of(Path.of("/a"), FileChangeTest.state(1, 0644)));
        file.write(Map.of(Path.of("/b"), FileChangeTest.state(2, 0644)));
        assertThat(file.read()).contains(Map.of(Path.of("/b"), FileChangeTest.state(2, 0644)));
    }

    @Test
    void aBaselineIsSavedByAThreadBeingStopped() throws IOException {
        // The file source saves its baseline as it stops, which is when its thread is interrupted.
        StateFile file = new StateFile(stateDir);
        Map<Path, FileState> baseline = Map.of(Path.of("/etc/hosts"), FileChangeTest.state(1, 0644));
        Thread.currentThread().interrupt();
        try {
            file.write(baseline);
        } finally {
            Thread.interrupted();
        }
        assertThat(file.read()).contains(baseline);
    }

    @Test
    void noBaselineYetIsEmpty() throws IOException {
        assertThat(new StateFile(stateDir.resolve("never-written")).read()).isEmpty();
    }

    @Test
    void aDamagedBaselineIsRefusedNotMisread() throws IOException {
        StateFile file = new StateFile(stateDir);
        file.write(Map.of(Path.of("/etc/shadow"), FileChangeTest.state(1, 0640)));
        byte[] bytes = Files.readAllBytes(file.path());
        bytes[bytes.length - 20] ^= 0x01; // one bit of the hash
        Files.write(file.path(), bytes);
        assertThatThrownBy(file::read).isInstanceOf(IOException.class).hasMessageContaining("checksum");

        Files.write(file.path(), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(file::read).isInstanceOf(IOException.class).hasMessageContaining("truncated");
    }
}
