package io.palisade.processor.inventory;

import java.util.List;

/** The JSON body of {@code GET /inventory/hosts}. */
record HostList(int count, List<HostView> hosts) {

    static HostList of(List<HostView> hosts) {
        return new HostList(hosts.size(), hosts);
    }
}
