package io.palisade.collector.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** A proc file system in a temporary directory, laid out like /proc, for tests that must not depend on the host. */
final class FakeProc {

    private final Path root;

    FakeProc(Path root) {
        this.root = root;
    }

    ProcFs procFs() {
        return new ProcFs(root);
    }

    /** A process with everything readable; {@code comm} may contain spaces and parentheses, as real ones do. */
    FakeProc process(long pid, String comm, long parentPid, long startTicks, String executable, String cgroup,
                     String... args) {
        write(pid, "cmdline", String.join("\0", args) + "\0");
        write(pid, "stat", pid + " (" + comm + ") S " + parentPid
                + " 1 1 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 " + startTicks + " 2400000 200 18446744073709551615");
        write(pid, "status", "Name:\t" + comm + "\nUmask:\t0022\nState:\tS (sleeping)\nPPid:\t" + parentPid
                + "\nUid:\t1000\t0\t0\t0\nGid:\t1000\t1000\t1000\t1000\n");
        write(pid, "cgroup", cgroup);
        link(pid, "exe", executable);
        link(pid, "cwd", "/srv/app");
        return this;
    }

    /** What a zombie leaves (also of a process that was running): its stat (name, parent), an empty cmdline, no exe. */
    FakeProc zombie(long pid, String comm, long parentPid, long startTicks) {
        unlink(pid, "exe");
        unlink(pid, "cwd");
        write(pid, "cmdline", "");
        write(pid, "stat", pid + " (" + comm + ") Z " + parentPid
                + " 1 1 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 " + startTicks + " 0 0 18446744073709551615");
        return this;
    }

    /** A process gone for good: reaped by its parent, nothing of it left under /proc. */
    FakeProc reaped(long pid) {
        try (var files = Files.walk(root.resolve(Long.toString(pid)))) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void write(long pid, String file, String content) {
        try {
            Files.createDirectories(root.resolve(Long.toString(pid)));
            Files.writeString(root.resolve(Long.toString(pid)).resolve(file), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void unlink(long pid, String name) {
        try {
            Files.deleteIfExists(root.resolve(Long.toString(pid)).resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void link(long pid, String name, String target) {
        try {
            Path link = root.resolve(Long.toString(pid)).resolve(name);
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
