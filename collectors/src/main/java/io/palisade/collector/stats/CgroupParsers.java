package io.palisade.collector.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsers of cgroup v1 and v2 control files. Pure: each takes the file's text and never touches the file system, so
 * they are tested against copies of real files.
 */
public final class CgroupParsers {

    /**
     * The kernel's "no limit" in v1 {@code memory.limit_in_bytes} is the largest page count times the page size
     * (9223372036854771712 with 4 KiB pages); anything this large is no real limit on any machine.
     */
    private static final long V1_UNLIMITED_FLOOR = 1L << 62;

    private CgroupParsers() {
    }

    /** A file holding one number: cpuacct.usage, memory.usage_in_bytes, memory.current, pids.current. */
    public static long singleValue(String text) {
        return Long.parseLong(text.strip());
    }

    /**
     * A memory limit, v1 {@code memory.limit_in_bytes} or v2 {@code memory.max}; {@code null} when unlimited
     * ({@code max} in v2, the kernel's page counter maximum in v1).
     */
    public static Long memoryLimit(String text) {
        String value = text.strip();
        if (value.equals("max")) {
            return null;
        }
        long limit = Long.parseLong(value);
        return limit >= V1_UNLIMITED_FLOOR ? null : limit;
    }

    /**
     * Memory in use as {@code docker stats} shows it: the usage ({@code memory.usage_in_bytes} in v1,
     * {@code memory.current} in v2) less the inactive file cache from {@code memory.stat}, which the kernel reclaims
     * first ({@code total_inactive_file} in v1, which counts the cgroup's children too, {@code inactive_file} in v2).
     */
    public static long memoryInUse(String usageText, String memoryStatText, boolean v1) {
        long usage = singleValue(usageText);
        long inactiveFile = flatKeyed(memoryStatText).getOrDefault(v1 ? "total_inactive_file" : "inactive_file", 0L);
        return inactiveFile <= usage ? usage - inactiveFile : usage;
    }

    /** A flat keyed file, one {@code key value} pair a line: memory.stat (v1 and v2), cpu.stat (v2). */
    public static Map<String, Long> flatKeyed(String text) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2) {
                values.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        return values;
    }

    /**
     * Bytes read and written from v1 {@code blkio.throttle.io_service_bytes_recursive}: lines
     * {@code major:minor Read|Write|Sync|Async|Discard|Total bytes}, summed over the devices.
     */
    public static ByteCounts blkioV1(String text) {
        long read = 0;
        long written = 0;
        for (String line : text.split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 3) {
                switch (parts[1]) {
                    case "Read" -> read += Long.parseLong(parts[2]);
                    case "Write" -> written += Long.parseLong(parts[2]);
                    default -> {
                        // Sync, Async, Discard and Total count the same bytes again
                    }
                }
            }
        }
        return new ByteCounts(read, written);
    }

    /** Bytes read and written from v2 {@code io.stat}: lines {@code major:minor rbytes=N wbytes=N rios=N ...}. */
    public static ByteCounts ioStatV2(String text) {
        long read = 0;
        long written = 0;
        for (String line : text.split("\n")) {
            for (String field : line.strip().split("\\s+")) {
                if (field.startsWith("rbytes=")) {
                    read += Long.parseLong(field.substring("rbytes=".length()));
                } else if (field.startsWith("wbytes=")) {
                    written += Long.parseLong(field.substring("wbytes=".length()));
                }
            }
        }
        return new ByteCounts(read, written);
    }

    /**
     * The cgroup of each hierarchy a process is in, from {@code /proc/<pid>/cgroup}: lines
     * {@code id:controllers:path}; each v1 controller (cpuacct, memory, ...) maps to its path, and the v2 (unified)
     * path is under the key {@link CgroupDirs#UNIFIED}.
     */
    public static Map<String, String> processCgroups(String text) {
        Map<String, String> paths = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.strip().split(":", 3);
            if (parts.length != 3) {
                continue;
            }
            if (parts[1].isEmpty()) {
                paths.put(CgroupDirs.UNIFIED, parts[2]);
            } else {
                for (String controller : parts[1].split(",")) {
                    paths.put(controller, parts[2]);
                }
            }
        }
        return paths;
    }
}
