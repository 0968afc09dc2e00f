package io.palisade.collector;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.palisade.collector.config.HostIdentitySettings;
import io.palisade.schema.Agent;
import io.palisade.schema.Host;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who reports: the host (ECS host.*) and this collector (ECS agent.*), stamped on every event.
 *
 * @param host  host name and stable machine id; host.os is left out, as high-volume events do not carry it
 * @param agent agent id derived from the machine id, so it survives restarts without a state file, and version
 */
public record CollectorIdentity(Host host, Agent agent) {

    private static final Logger LOG = LoggerFactory.getLogger(CollectorIdentity.class);
    private static final List<Path> MACHINE_ID_FILES = List.of(Path.of("/etc/machine-id"),
            Path.of("/var/lib/dbus/machine-id"));
    private static final Path KERNEL_HOST_NAME = Path.of("/proc/sys/kernel/hostname");

    /** The identity the {@code host} settings name, completed from the machine where they leave something unset. */
    public static CollectorIdentity detect(HostIdentitySettings host) {
        String hostName = Optional.ofNullable(host.name()).orElseGet(CollectorIdentity::kernelHostName);
        String hostId = Optional.ofNullable(host.id()).orElseGet(() -> machineId(hostName));
        String agentId = UUID.nameUUIDFromBytes(("palisade-collector:" + hostId).getBytes(StandardCharsets.UTF_8))
                .toString();
        String version = Optional.ofNullable(CollectorIdentity.class.getPackage().getImplementationVersion())
                .orElse("development");
        return new CollectorIdentity(Host.newBuilder().setName(hostName).setId(hostId).build(),
                Agent.newBuilder().setId(agentId).setVersion(version).build());
    }

    private static String kernelHostName() {
        return read(KERNEL_HOST_NAME).orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "localhost";
            }
        });
    }

    private static String machineId(String hostName) {
        return MACHINE_ID_FILES.stream().map(CollectorIdentity::read).flatMap(Optional::stream).findFirst()
                .orElseGet(() -> {
                    // Without a machine id the host name is the only stable thing left; renaming the host then
                    // splits its history, which the operator can avoid by setting host.id.
                    String derived = UUID.nameUUIDFromBytes(hostName.getBytes(StandardCharsets.UTF_8)).toString();
                    LOG.atWarn().setMessage("No machine id found; deriving host id from the host name")
                            .addKeyValue("hostId", derived).log();
                    return derived;
                });
    }

    private static Optional<String> read(Path file) {
        try {
            String content = Files.readString(file).strip();
            return content.isEmpty() ? Optional.empty() : Optional.of(content);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
