package io.palisade.collector.process;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads processes from a proc file system (normally {@code /proc}, in the host's pid namespace). A process may end at
 * any moment, so every read returns empty instead of failing. Not thread-safe: one reused buffer serves every read
 * (the observing thread's).
 */
final class ProcFs {

    private static final byte[] UID_LINE = "Uid:".getBytes(StandardCharsets.US_ASCII);
    /** Within the 8 KB that FileInputStream reads without allocating; grown for longer files (a long cmdline). */
    private static final int INITIAL_BUFFER_BYTES = 8192;

    private final Path root;
    private final String rootPrefix;
    private byte[] buffer = new byte[INITIAL_BUFFER_BYTES];

    ProcFs(Path root) {
        this.root = root;
        this.rootPrefix = root + "/";
    }

    static ProcFs host() {
        return new ProcFs(Path.of("/proc"));
    }

    Path root() {
        return root;
    }

    /**
     * Reads what it can of {@code pid} at once: {@link #firstRead} then {@link #complete}. {@code knownParent} stands
     * in for the parent when /proc no longer has it.
     */
    ProcessSnapshot read(long pid, OptionalLong knownParent) {
        return complete(firstRead(pid), knownParent);
    }

    /**
     * The first, hurried read of a process that just executed: its argument vector, which it takes with it soonest
     * (at exit), and its cgroup membership (kept by a zombie, gone when it is reaped), raw, parsing left for later.
     */
    FirstRead firstRead(long pid) {
        Optional<byte[]> cmdline = bytes(pid, "cmdline");
        // Gone already: every other read would fail too, each at the price of an exception.
        return new FirstRead(pid, cmdline.orElse(null), cmdline.isPresent() ? bytes(pid, "cgroup").orElse(null) : null);
    }

    /** What a first read got, and the rest of what can still be read of the process and of its parent. */
    ProcessSnapshot complete(FirstRead first, OptionalLong knownParent) {
        long pid = first.pid();
        List<String> args = first.cmdline() == null ? List.of() : args(first.cmdline());
        Optional<String> container = first.cgroup() == null ? Optional.empty()
                : CgroupContainerId.parse(new String(first.cgroup(), StandardCharsets.UTF_8));
        // The links go with the exit, the rest when the zombie is reaped; nothing is left of a process gone already.
        boolean present = first.cmdline() != null;
        Optional<String> executable = present ? link(pid, "exe") : Optional.empty();
        Optional<String> cwd = present ? link(pid, "cwd") : Optional.empty();
        Optional<Stat> stat = present ? stat(pid) : Optional.empty();
        Optional<Long> uid = stat.isPresent() ? realUid(pid) : Optional.empty();
        Long parent = stat.map(Stat::parentPid).filter(p -> p > 0)
                .orElse(knownParent.isPresent() ? knownParent.getAsLong() : null);
        boolean complete = !args.isEmpty() && executable.isPresent() && stat.isPresent() && uid.isPresent();
        return new ProcessSnapshot(pid, stat.map(Stat::name).orElse(null), executable.orElse(null), args,
                cwd.orElse(null), uid.orElse(null), stat.map(Stat::startTicks).orElse(null), parent,
                parent == null ? null : stat(parent).map(Stat::name).orElse(null),
                parent == null ? null : link(parent, "exe").orElse(null), container.orElse(null), complete);
    }

    /**
     * The raw content of /proc/&lt;pid&gt;/cmdline and /proc/&lt;pid&gt;/cgroup, each null when it could not be read.
     * Package-private for the reader that completes it.
     */
    record FirstRead(long pid, byte[] cmdline, byte[] cgroup) {
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
            // Counted by hand, not split: this runs for every exec, and split's garbage stops the observer (see read).
            // Field 3 (state) starts after ") "; ppid is field 4, starttime field 22.
            int state = close + 2;
            int parentPid = fieldStart(line, state, 1);
            int startTime = fieldStart(line, parentPid, 18);
            if (state > line.length() || parentPid < 0 || startTime < 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Stat(line.substring(open + 1, close), number(line, parentPid),
                        number(line, startTime)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** Where the field {@code fields} after the one starting at {@code from} starts; -1 if there is none. */
        private static int fieldStart(String line, int from, int fields) {
            int at = from;
            for (int i = 0; i < fields && at >= 0; i++) {
                int space = line.indexOf(' ', at);
                at = space < 0 || space + 1 >= line.length() ? -1 : space + 1;
            }
            return at;
        }

        /** The unsigned number starting at {@code start}; NumberFormatException when there are no digits there. */
        private static long number(String line, int start) {
            int end = start;
            while (end < line.length() && line.charAt(end) >= '0' && line.charAt(end) <= '9') {
                end++;
            }
            return Long.parseLong(line, start, end, 10);
        }
    }

    Optional<Stat> stat(long pid) {
        return text(pid, "stat").flatMap(Stat::parse);
    }

    private static List<String> args(byte[] raw) {
        if (raw.length == 0) {
            return List.of(); // a zombie, or a kernel thread
        }
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

    /** The real uid: the first number of the {@code Uid:} line of /proc/&lt;pid&gt;/status, parsed in the buffer. */
    private Optional<Long> realUid(long pid) {
        int length = read(pid, "status");
        for (int line = 0; line >= 0 && line + UID_LINE.length < length; line = nextLine(line, length)) {
            if (Arrays.equals(buffer, line, line + UID_LINE.length, UID_LINE, 0, UID_LINE.length)) {
                long uid = 0;
                int digit = line + UID_LINE.length;
                while (digit < length && (buffer[digit] == ' ' || buffer[digit] == '\t')) {
                    digit++;
                }
                for (; digit < length && buffer[digit] >= '0' && buffer[digit] <= '9'; digit++) {
                    uid = uid * 10 + buffer[digit] - '0';
                }
                return Optional.of(uid);
            }
        }
        return Optional.empty();
    }

    /** Where the line after the one starting at {@code from} starts in the buffer; -1 after the last. */
    private int nextLine(int from, int length) {
        for (int i = from; i < length; i++) {
            if (buffer[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private Optional<String> link(long pid, String name) {
        try {
            return Optional.of(Files.readSymbolicLink(root.resolve(Long.toString(pid)).resolve(name)).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private Optional<String> text(long pid, String name) {
        int length = read(pid, name);
        return length < 0 ? Optional.empty() : Optional.of(new String(buffer, 0, length, StandardCharsets.UTF_8));
    }

    private Optional<byte[]> bytes(long pid, String name) {
        int length = read(pid, name);
        return length < 0 ? Optional.empty() : Optional.of(Arrays.copyOf(buffer, length));
    }

    /**
     * Reads the whole file into {@link #buffer}, growing it when needed; returns its length, or -1 when it cannot be
     * read (the process is gone). Reading into one buffer matters: procfs files report a size of 0, so reading one
     * whole the usual way allocates 8 KB or more, which at thousands of execs a second means frequent garbage
     * collections, each of which stops the observer while short-lived processes end.
     */
    private int read(long pid, String name) {
        try (FileInputStream in = new FileInputStream(rootPrefix + pid + '/' + name)) {
            int length = 0;
            for (int n; (n = in.read(buffer, length, buffer.length - length)) > 0; ) {
                length += n;
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
            return length;
        } catch (IOException e) {
            return -1;
        }
    }
}
