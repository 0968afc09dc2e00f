package io.palisade.collector.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

import io.palisade.collector.process.ProcFs.Stat;

/**
 * The fallback back end: scans /proc every poll interval and reports a process it has not seen before (a new pid, or
 * a pid reused with a new start time) or whose command name changed (an exec in the same process). Needs no
 * privilege beyond reading /proc, but misses every process that starts and ends between two scans, and reports a
 * process that forked without executing anything as if it had.
 */
final class ProcPolling implements ExecBackend {

    private final ProcFs proc;
    private final Duration interval;
    /** pid to what identified it at the last scan. */
    private Map<Long, Stat> known = new HashMap<>();

    private ProcPolling(ProcFs proc, Duration interval) {
        this.proc = proc;
        this.interval = interval;
    }

    /**
     * Takes note of what runs already, which was not started while we watched and is not reported.
     *
     * @throws IOException when the proc file system cannot be listed
     */
    static ProcPolling open(ProcFs proc, Duration interval) throws IOException {
        ProcPolling polling = new ProcPolling(proc, interval);
        polling.known = polling.scan(notice -> { });
        return polling;
    }

    @Override
    public String name() {
        return "proc";
    }

    @Override
    public void observe(ExecListener listener, BooleanSupplier stopped) throws IOException {
        while (!stopped.getAsBoolean()) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            known = scan(listener);
            listener.caughtUp();
        }
    }

    private Map<Long, Stat> scan(ExecListener listener) throws IOException {
        Map<Long, Stat> now = new HashMap<>(known.size() * 2);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc.root())) {
            for (Path entry : entries) {
                long pid = pid(entry.getFileName().toString());
                if (pid <= 0) {
                    continue;
                }
                proc.stat(pid).ifPresent(stat -> {
                    now.put(pid, stat);
                    Stat before = known.get(pid);
                    if (before == null || before.startTicks() != stat.startTicks()
                            || !before.name().equals(stat.name())) {
                        listener.exec(new ExecNotice(pid, OptionalLong.of(stat.parentPid())));
                    }
                });
            }
        }
        return now;
    }

    /** The pid a /proc entry names, or -1 for the entries that are no process (self, sys, meminfo, ...). */
    private static long pid(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return -1;
            }
        }
        return name.isEmpty() ? -1 : Long.parseLong(name);
    }

    @Override
    public long missed() {
        return 0;
    }

    @Override
    public void close() {
        known = Map.of();
    }
}
