package io.palisade.processor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code query} section of the processor configuration: the fleet inventory endpoint {@code /inventory/...}.
 *
 * @param host           address to listen on (default 127.0.0.1; 0.0.0.0 when other instances or users reach it over
 *                       the network)
 * @param port           port to listen on (default 9470; 0 picks a free port)
 * @param advertisedHost host name other processor instances reach this one's endpoint at; becomes
 *                       {@code application.server} with the port (default: the host, or this machine's host name when
 *                       the host is a wildcard address)
 */
public record QuerySettings(String host, Integer port, String advertisedHost) {

    public QuerySettings {
        host = host == null ? "127.0.0.1" : host;
        port = port == null ? 9470 : port;
    }

    /** The host name other instances reach this one at: a wildcard listen address is no address to reach. */
    public String reachableHost() {
        if (advertisedHost != null && !advertisedHost.isBlank()) {
            return advertisedHost;
        }
        if (!host.equals("0.0.0.0") && !host.equals("::")) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("cannot tell this machine's host name; set query.advertised_host", e);
        }
    }

    /** Every problem with these settings, each naming its configuration key; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (host.isBlank()) {
            problems.add("query.host must not be blank");
        }
        if (port < 0 || port > 65535) {
            problems.add("query.port must be between 0 and 65535, got " + port);
        }
        return problems;
    }
}
