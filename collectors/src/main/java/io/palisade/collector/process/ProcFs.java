package io.palisade.collector.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads processes from a proc file system (normally {@code /proc}, in the host's pid namespace). A process may end at
 * any moment, so every read returns empty instead of failing.
 */
final class ProcFs {

    private final Path root;

    ProcFs(Path root) {
        this.root = root;
    }

    static ProcFs host() {
        return new ProcFs(Path.of("/proc"));
    }

    Path root() {
        return root;
    }

    /**
     * Reads what it can of {@code pid}, the argument vector first, as it is what a short-lived process takes with it
     * soonest; then what a zombie still shows (its cgroup, so the container, and its name, parent and uid) before
     * the links that go with the exit. {@code knownParent} stands in for the parent when /proc no longer has it.
     */
    ProcessSnapshot read(long pid, OptionalLong knownParent) {
        List<String> args = args(pid);
        Optional<String> container = text(pid, "cgroup").flatMap(CgroupContainerId::parse);
        Optional<Stat> stat = stat(pid);
        Optional<Long> uid = realUid(pid);
        Optional<String> executable = link(pid, "exe");
        Optional<String> cwd = link(pid, "cwd");
        Long parent = stat.map(Stat::parentPid).filter(p -> p > 0)
                .orElse(knownParent.isPresent() ? knownParent.getAsLong() : null);
        boolean complete = !args.isEmpty() && executable.isPresent() && stat.isPresent() && uid.isPresent();
        return new ProcessSnapshot(pid, stat.map(Stat::name).orElse(null), executable.orElse(null), args,
                cwd.orElse(null), uid.orElse(null), stat.map(Stat::startTicks).orElse(null), parent,
                parent == null ? null : stat(parent).map(Stat::name).orElse(null),
                parent == null ? null : link(parent, "exe").orElse(null), container.orElse(null), complete);
    }

    /** The fields of /proc/<pid>/stat that identify a process and its lineage. */
    record Stat(String name, long parentPid, long startTicks) {

        /**
         * Parses a stat line. The command name sits in parentheses and may itself contain spaces and parentheses, so
         * the fields after it are counted from the last closing parenthesis.
         */
        static Optional<Stat> parse(String line) {
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            if (open < 0 || close < open) {
                return Optional.empty();
            }
            String[] rest = line.substring(close + 2).split(" ");
            // rest[0] is field 3 (state): ppid is field 4, starttime field 22.
            if (rest.length < 20) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Stat(line.substring(open + 1, close), Long.parseLong(rest[1]),
                        Long.parseLong(rest[19])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    Optional<Stat> stat(long pid) {
        return text(pid, "stat").flatMap(Stat::parse);
    }

    private List<String> args(long pid) {
        Optional<byte[]> cmdline = bytes(pid, "cmdline");
        if (cmdline.isEmpty() || cmdline.get().length == 0) {
            return List.of(); // gone, a zombie, or a kernel thread
        }
        byte[] raw = cmdline.get();
        int end = raw[raw.length - 1] == 0 ? raw.length - 1 : raw.length;
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || raw[i] == 0) {
                args.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return args;
    }

    private Optional<Long> realUid(long pid) {
        return text(pid, "status").flatMap(status -> status.lines().filter(l -> l.startsWith("Uid:")).findFirst())
                .map(line -> Long.parseLong(line.substring(4).strip().split("\\s+")[0]));
    }

    private Optional<String> link(long pid, String name) {
        try {
            return Optional.of(Files.readSymbolicLink(root.resolve(Long.toString(pid)).resolve(name)).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private Optional<String> text(long pid, String name) {
        return bytes(pid, name).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    private Optional<byte[]> bytes(long pid, String name) {
        try {
            return Optional.of(Files.readAllBytes(root.resolve(Long.toString(pid)).resolve(name)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
