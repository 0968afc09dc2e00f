package io.palisade.collector.process;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the container a process runs in from the content of its {@code /proc/<pid>/cgroup}. Pure: no file access.
 *
 * <p>Works for cgroup v1 ({@code 4:memory:/docker/<id>}), v2 ({@code 0::/...}) and hybrid hosts, with the cgroupfs
 * driver ({@code /docker/<id>}, {@code /kubepods/burstable/pod<uid>/<id>}) and the systemd driver
 * ({@code docker-<id>.scope}, {@code cri-containerd-<id>.scope}, {@code crio-<id>.scope},
 * {@code libpod-<id>.scope}). The innermost container wins, so a container nested in another reports its own id.
 */
public final class CgroupContainerId {

    /** A path segment that is a container's cgroup: a runtime prefix, 64 hex digits, and systemd's ".scope". */
    private static final Pattern CONTAINER_SEGMENT = Pattern.compile(
            "(?:docker-|cri-containerd-|crio-|libpod-)?([0-9a-f]{64})(?:\\.scope)?");

    private CgroupContainerId() {
    }

    /** The 64-hex-digit container id, or empty for a process of the host itself. */
    public static Optional<String> parse(String cgroupFile) {
        if (!hasContainerIdLength(cgroupFile)) {
            return Optional.empty(); // most processes, those of the host: decided without parsing (see ProcFs#read)
        }
        for (String line : cgroupFile.split("\n")) {
            // hierarchy-id:controllers:path; the path may itself contain colons, so split at the first two only.
            String[] fields = line.split(":", 3);
            if (fields.length == 3) {
                Optional<String> id = innermost(fields[2]);
                if (id.isPresent()) {
                    return id;
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the text has a run of at least 64 lowercase hex digits, without which no segment can match. */
    private static boolean hasContainerIdLength(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            run = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ? run + 1 : 0;
            if (run == 64) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> innermost(String path) {
        String[] segments = path.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            Matcher matcher = CONTAINER_SEGMENT.matcher(segments[i]);
            if (matcher.matches()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }
}
