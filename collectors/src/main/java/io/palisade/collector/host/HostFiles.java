package io.palisade.collector.host;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.palisade.schema.Os;

/** Parsers of the host files a host event reads: /etc/group and /etc/os-release. Pure. */
public final class HostFiles {

    private HostFiles() {
    }

    /**
     * The members listed for group {@code group} in a group(5) file ({@code name:password:gid:user1,user2}), in file
     * order; empty when the group is absent. Users whose primary group it is are not listed there, as with
     * {@code getent group docker}.
     */
    public static List<String> groupMembers(String groupFile, String group) {
        for (String line : groupFile.split("\n")) {
            String[] fields = line.strip().split(":", -1);
            if (fields.length >= 4 && fields[0].equals(group)) {
                List<String> members = new ArrayList<>();
                for (String member : fields[3].split(",")) {
                    if (!member.isBlank()) {
                        members.add(member.strip());
                    }
                }
                return members;
            }
        }
        return List.of();
    }

    /**
     * ECS host.os from os-release(5) and the kernel release: name from NAME, version from VERSION_ID, family from
     * the first word of ID_LIKE, else ID (so Ubuntu is "debian", Rocky "rhel").
     */
    public static Os os(String osRelease, String kernel) {
        Map<String, String> values = new HashMap<>();
        for (String line : osRelease.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0 && !line.startsWith("#")) {
                values.put(line.substring(0, equals).strip(), unquote(line.substring(equals + 1).strip()));
            }
        }
        String family = values.containsKey("ID_LIKE") ? values.get("ID_LIKE").split("\\s+")[0] : values.get("ID");
        return Os.newBuilder()
                .setName(values.getOrDefault("NAME", "Linux"))
                .setVersion(values.get("VERSION_ID"))
                .setFamily(family)
                .setKernel(kernel.strip())
                .build();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"");
        }
        return value;
    }
}
