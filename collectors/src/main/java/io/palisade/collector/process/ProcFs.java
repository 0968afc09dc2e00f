package io.palisade.collector.process;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads processes from a proc file system (normally {@code /proc}, in the host's pid namespace). A process may end at
 * any moment, so every read returns empty instead of failing. Not thread-safe: one reused buffer serves every read
 * (the observing thread's), so that reading allocates little more than the strings an event carries: at thousands
 * of execs a second, garbage means frequent collections, each of which stops the observer while short-lived
 * processes end.
 */
final class ProcFs {

    private static final byte[] UID_LINE = ascii("Uid:");
    private static final byte[] CMDLINE = ascii("cmdline");
    private static final byte[] CGROUP = ascii("cgroup");
    private static final byte[] STAT = ascii("stat");
    private static final byte[] STATUS = ascii("status");
    private static final byte[] EXE = ascii("exe");
    private static final byte[] CWD = ascii("cwd");
    /** What the kernel names a process executed through /proc/&lt;pid&gt;/exe (see {@link #programName}). */
    private static final String EXE_LINK_NAME = "exe";
    /** TASK_COMM_LEN less its terminating NUL. */
    private static final int COMM_BYTES = 15;

    private final Path root;
    private final ProcFiles files;

    ProcFs(Path root) {
        this.root = root;
        this.files = ProcFiles.under(root);
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
        byte[] cmdline = bytes(pid, CMDLINE);
        // Gone already: every other read would fail too.
        return new FirstRead(pid, cmdline, cmdline != null ? bytes(pid, CGROUP) : null);
    }

    /** What a first read got, and the rest of what can still be read of the process and of its parent. */
    ProcessSnapshot complete(FirstRead first, OptionalLong knownParent) {
        long pid = first.pid();
        List<String> args = first.cmdline() == null ? List.of() : args(first.cmdline());
        Optional<String> container = first.cgroup() == null ? Optional.empty()
                : CgroupContainerId.parse(new String(first.cgroup(), StandardCharsets.UTF_8));
        // The links go with the exit, the rest when the zombie is reaped; nothing is left of a process gone already.
        boolean present = first.cmdline() != null;
        Optional<String> executable = present ? link(pid, EXE) : Optional.empty();
        Optional<String> cwd = present ? link(pid, CWD) : Optional.empty();
        Optional<Stat> stat = present ? stat(pid) : Optional.empty();
        Optional<Long> uid = stat.isPresent() ? realUid(pid) : Optional.empty();
        Long parent = stat.map(Stat::parentPid).filter(p -> p > 0)
                .orElse(knownParent.isPresent() ? knownParent.getAsLong() : null);
        boolean complete = !args.isEmpty() && executable.isPresent() && stat.isPresent() && uid.isPresent();
        String name = stat.map(found -> programName(found.name(), executable, args)).orElseGet(() -> invokedAs(args));
        return new ProcessSnapshot(pid, name, executable.orElse(null), args,
                cwd.orElse(null), uid.orElse(null), stat.map(Stat::startTicks).orElse(null), parent,
                parent == null ? null : stat(parent).map(Stat::name).orElse(null),
                parent == null ? null : link(parent, EXE).orElse(null), container.orElse(null), complete);
    }

    /**
     * The name of the program a process runs: its command name (comm), except when it was executed through a link to
     * an executable's own inode, {@code /proc/<pid>/exe}. The kernel names a process after the last component of the
     * path it was executed by, so such a process is first called "exe". BusyBox's shell runs every applet that way
     * ({@code execve("/proc/self/exe", ["wget", ...])}) and the applet renames itself after its argv[0] a moment
     * later; the observer, at real-time priority, nearly always reads it before that, so without this a wget or nc
     * run from a BusyBox shell escaped every rule that matches on the program's name. The name is then argv[0]'s last
     * component, cut to the 15 bytes a comm holds, as the applet itself would set it.
     */
    static String programName(String comm, Optional<String> executable, List<String> args) {
        boolean executedThroughExeLink = comm.equals(EXE_LINK_NAME)
                && executable.map(path -> !path.endsWith("/" + EXE_LINK_NAME)).orElse(true);
        if (!executedThroughExeLink) {
            return comm;
        }
        String invokedAs = invokedAs(args);
        return invokedAs == null ? comm : invokedAs;
    }

    /**
     * argv[0]'s last component, cut to a comm's length; null without one. Also the name of a process whose arguments
     * were read but which was reaped, taking its stat with it, before the rest could be read: in a burst (a docker
     * exec starts runc, runc init, then the program) a wget that fails at once is often gone by then, and without a
     * name it escaped the rules that match program names.
     */
    private static String invokedAs(List<String> args) {
        if (args.isEmpty()) {
            return null;
        }
        String invokedAs = args.getFirst().substring(args.getFirst().lastIndexOf('/') + 1);
        return invokedAs.isEmpty() ? null : truncateToCommLength(invokedAs);
    }

    private static String truncateToCommLength(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= COMM_BYTES) {
            return name;
        }
        int end = COMM_BYTES;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) { // do not split a character
            end--;
        }
        return new String(utf8, 0, end, StandardCharsets.UTF_8);
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
         * Parses the first {@code length} bytes of a stat file. The command name sits in parentheses and may itself
         * contain spaces and parentheses, so the fields after it are counted from the last closing parenthesis.
         * Parsed in place, not as a string: this runs for every exec (see the class comment).
         */
        static Optional<Stat> parse(byte[] line, int length) {
            int open = indexOf(line, 0, length, '(');
            int close = length;
            while (--close >= 0 && line[close] != ')') {
                // searching backwards for the last ')'
            }
            if (open < 0 || close < open) {
                return Optional.empty();
            }
            // Field 3 (state) starts after ") "; ppid is field 4, starttime field 22.
            int state = close + 2;
            int parentPid = fieldStart(line, length, state, 1);
            int startTime = fieldStart(line, length, parentPid, 18);
            long parent = number(line, length, parentPid);
            long start = number(line, length, startTime);
            if (state > length || parent < 0 || start < 0) {
                return Optional.empty();
            }
            return Optional.of(new Stat(new String(line, open + 1, close - open - 1, StandardCharsets.UTF_8), parent,
                    start));
        }

        private static int indexOf(byte[] line, int from, int length, char wanted) {
            for (int i = from; i < length; i++) {
                if (line[i] == wanted) {
                    return i;
                }
            }
            return -1;
        }

        /** Where the field {@code fields} after the one starting at {@code from} starts; -1 if there is none. */
        private static int fieldStart(byte[] line, int length, int from, int fields) {
            int at = from;
            for (int i = 0; i < fields && at >= 0; i++) {
                int space = indexOf(line, at, length, ' ');
                at = space < 0 || space + 1 >= length ? -1 : space + 1;
            }
            return at;
        }

        /** The unsigned number starting at {@code start}; -1 when there are no digits there. */
        private static long number(byte[] line, int length, int start) {
            if (start < 0) {
                return -1;
            }
            long value = 0;
            int end = start;
            for (; end < length && line[end] >= '0' && line[end] <= '9'; end++) {
                value = value * 10 + line[end] - '0';
            }
            return end == start ? -1 : value;
        }
    }

    Optional<Stat> stat(long pid) {
        int length = files.read(pid, STAT);
        return length < 0 ? Optional.empty() : Stat.parse(files.bytes(), length);
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
        int length = files.read(pid, STATUS);
        byte[] buffer = files.bytes();
        for (int line = 0; line >= 0 && line + UID_LINE.length < length; line = nextLine(buffer, line, length)) {
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
    private static int nextLine(byte[] buffer, int from, int length) {
        for (int i = from; i < length; i++) {
            if (buffer[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private Optional<String> link(long pid, byte[] name) {
        int length = files.readLink(pid, name);
        return length < 0 ? Optional.empty() : Optional.of(new String(files.bytes(), 0, length, StandardCharsets.UTF_8));
    }

    /** A copy of the file's content (the read buffer is reused), or null when it cannot be read. */
    private byte[] bytes(long pid, byte[] name) {
        int length = files.read(pid, name);
        return length < 0 ? null : Arrays.copyOf(files.bytes(), length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
