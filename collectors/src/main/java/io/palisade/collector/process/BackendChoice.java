package io.palisade.collector.process;

import java.io.IOException;

import io.palisade.collector.process.ProcessSettings.Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the back end the settings ask for. {@link Backend#AUTO} tries them in a fixed order, the netlink proc
 * connector first (it sees every exec), then /proc polling (which needs no privilege), and says in one INFO line
 * which one it took and why.
 */
final class BackendChoice {

    private static final Logger LOG = LoggerFactory.getLogger(BackendChoice.class);

    private BackendChoice() {
    }

    /** @throws IOException when the back end the settings name cannot be opened (never for AUTO) */
    static ExecBackend open(ProcessSettings settings) throws IOException {
        return switch (settings.backend()) {
            case NETLINK -> netlink("configured");
            case PROC -> chosen(polling(settings), "configured");
            case AUTO -> {
                try {
                    yield netlink("the kernel acknowledged the proc connector subscription");
                } catch (IOException | RuntimeException e) {
                    yield chosen(polling(settings), "netlink proc connector unavailable: " + e.getMessage());
                }
            }
        };
    }

    private static ExecBackend netlink(String reason) throws IOException {
        NetlinkProcConnector connector = NetlinkProcConnector.open();
        return chosen(connector, reason + (!connector.realtime()
                ? "; real-time priority refused, short-lived processes are more often read too late"
                : connector.vmThreadRealtime() ? "; observing at real-time priority, as does the JVM's VM Thread"
                : "; observing at real-time priority, but not the JVM's VM Thread: garbage collections stop the"
                        + " observer longer"));
    }

    private static ExecBackend polling(ProcessSettings settings) throws IOException {
        return ProcPolling.open(ProcFs.host(), settings.pollInterval());
    }

    private static ExecBackend chosen(ExecBackend backend, String reason) {
        LOG.atInfo().setMessage("Process source observing execs").addKeyValue("backend", backend.name())
                .addKeyValue("reason", reason).log();
        return backend;
    }
}
