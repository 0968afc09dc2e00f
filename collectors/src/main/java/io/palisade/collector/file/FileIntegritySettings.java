package io.palisade.collector.file;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sources.file} section of the collector configuration: file-integrity monitoring of host paths. A
 * {@code null} component takes its default, so a configuration file only names what it changes.
 *
 * @param enabled        whether the file-integrity source runs (default {@code true})
 * @param paths          watched roots; globs such as {@code /home/*}{@code /.ssh} allowed (default: osquery's FIM
 *                       pack, {@link #DEFAULT_PATHS})
 * @param exclude        globs of paths never reported (default none)
 * @param rescanInterval how often the whole tree is hashed again to catch what inotify missed (default 1 h)
 * @param stateDir       where the baseline is kept across restarts (default /var/lib/palisade/fim)
 * @param hashRate       most files hashed per second during a scan, so a baseline never starves the host
 *                       (default 5000)
 * @param maxFileSize    larger files are reported without a hash (default 64 MiB)
 */
public record FileIntegritySettings(Boolean enabled, List<String> paths, List<String> exclude,
                                    Duration rescanInterval, Path stateDir, Integer hashRate, Long maxFileSize) {

    public static final List<String> DEFAULT_PATHS = List.of("/etc", "/root/.ssh", "/home/*/.ssh", "/usr/bin",
            "/usr/sbin", "/bin", "/sbin", "/boot", "/var/spool/cron");

    public FileIntegritySettings {
        enabled = enabled == null || enabled;
        paths = paths == null ? DEFAULT_PATHS : List.copyOf(paths);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        rescanInterval = rescanInterval == null ? Duration.ofHours(1) : rescanInterval;
        stateDir = stateDir == null ? Path.of("/var/lib/palisade/fim") : stateDir;
        hashRate = hashRate == null ? 5000 : hashRate;
        maxFileSize = maxFileSize == null ? 64L << 20 : maxFileSize;
    }

    public static FileIntegritySettings defaults() {
        return new FileIntegritySettings(null, null, null, null, null, null, null);
    }

    /** Every problem with these settings, each naming its configuration key; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (enabled && paths.isEmpty()) {
            problems.add("sources.file.paths must name at least one path when the file source is enabled");
        }
        paths.stream().filter(p -> !p.startsWith("/"))
                .forEach(p -> problems.add("sources.file.paths entries must be absolute, got " + p));
        if (rescanInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add("sources.file.rescan_interval must be at least 1s, got " + rescanInterval);
        }
        if (hashRate < 1) {
            problems.add("sources.file.hash_rate must be at least 1 file per second, got " + hashRate);
        }
        if (maxFileSize < 0) {
            problems.add("sources.file.max_file_size must not be negative, got " + maxFileSize);
        }
        return problems;
    }
}
