package io.palisade.collector.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code host} section of the collector configuration: who reports (ECS host.name and host.id).
 *
 * @param name host name to report (default: the kernel's host name)
 * @param id   stable host id to report (default: {@code /etc/machine-id})
 */
public record HostIdentitySettings(String name, String id) {

    public static HostIdentitySettings defaults() {
        return new HostIdentitySettings(null, null);
    }

    /** Every problem with these settings, each naming its configuration key; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name != null && name.isBlank()) {
            problems.add("host.name must not be blank; leave it unset to use the kernel's host name");
        }
        if (id != null && id.isBlank()) {
            problems.add("host.id must not be blank; leave it unset to use /etc/machine-id");
        }
        return problems;
    }
}
