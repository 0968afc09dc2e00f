package io.palisade.collector.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchScopeTest {

    @TempDir
    Path dir;

    @Test
    void rootGlobsExpandToTheDirectoriesThatExistNow() throws IOException {
        Path root = dir.toRealPath();
        Files.createDirectories(root.resolve("home/alice/.ssh"));
        Files.createDirectories(root.resolve("home/bob/.ssh"));
        Files.createDirectories(root.resolve("home/carol"));
        WatchScope scope = new WatchScope(List.of(root + "/home/*/.ssh", root + "/missing"), List.of());

        assertThat(scope.roots()).containsExactly(root.resolve("home/alice/.ssh"), root.resolve("home/bob/.ssh"));

        Files.createDirectories(root.resolve("home/carol/.ssh"));
        assertThat(scope.roots()).as("after carol's .ssh appeared").contains(root.resolve("home/carol/.ssh"));
    }

    @Test
    void nestedAndLinkedRootsAreScannedOnce() throws IOException {
        Path root = dir.toRealPath();
        Files.createDirectories(root.resolve("usr/bin"));
        Files.createSymbolicLink(root.resolve("bin"), root.resolve("usr/bin"));
        WatchScope scope = new WatchScope(List.of(root + "/usr/bin", root + "/bin", root + "/usr"), List.of());

        assertThat(scope.roots()).containsExactly(root.resolve("usr"));
    }

    @Test
    void excludeGlobsCoverPathsAndWholeSubtrees() {
        WatchScope scope = new WatchScope(List.of("/etc", "/home/*/.ssh"),
                List.of("/etc/**.swp", "/etc/ssl/certs", "/home/*/.ssh/known_hosts"));

        assertThat(scope.excluded(Path.of("/etc/passwd"))).isFalse();
        assertThat(scope.excluded(Path.of("/etc/.passwd.swp"))).isTrue();
        assertThat(scope.excluded(Path.of("/etc/nginx/.nginx.conf.swp"))).isTrue();
        assertThat(scope.excluded(Path.of("/etc/ssl/certs/ca.pem"))).isTrue();
        assertThat(scope.excluded(Path.of("/etc/ssl/openssl.cnf"))).isFalse();
        assertThat(scope.excluded(Path.of("/home/alice/.ssh/known_hosts"))).isTrue();
        assertThat(scope.excluded(Path.of("/home/alice/.ssh/authorized_keys"))).isFalse();
    }

    @Test
    void coversPathsUnderAnIncludeEvenWhenItsRootIsGone() {
        WatchScope scope = new WatchScope(List.of("/home/*/.ssh"), List.of("/home/*/.ssh/known_hosts"));

        assertThat(scope.covers(List.of(), Path.of("/home/dave/.ssh/authorized_keys"))).isTrue();
        assertThat(scope.covers(List.of(), Path.of("/home/dave/.ssh/known_hosts"))).isFalse();
        assertThat(scope.covers(List.of(), Path.of("/home/dave/.bashrc"))).isFalse();
        assertThat(scope.covers(List.of(Path.of("/srv")), Path.of("/srv/app/config"))).isTrue();
    }
}
