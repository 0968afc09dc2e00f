package io.palisade.processor.inventory;

import java.util.List;

import io.palisade.schema.HostEvent;

/**
 * One host as the fleet inventory endpoint shows it: its last heartbeat and a summary of its Docker daemon's posture.
 * Built from the latest record of palisade.events.host (store {@link io.palisade.processor.InventoryStores#HOSTS});
 * times are ISO-8601 UTC.
 */
public record HostView(String id, String name, String os, String kernel, String agentId, String agentVersion,
                       String lastHeartbeat, String lastAction, DockerPosture docker,
                       List<String> dockerGroupMembers) {

    public static HostView of(HostEvent record) {
        var host = record.getHost();
        var os = host.getOs();
        return new HostView(host.getId(), host.getName(),
                os == null ? null : os.getName() + (os.getVersion() == null ? "" : " " + os.getVersion()),
                os == null ? null : os.getKernel(), record.getAgent().getId(), record.getAgent().getVersion(),
                record.getEvent().getCreated().toString(), record.getEvent().getAction().name(),
                DockerPosture.of(record.getDocker(), record.getDockerGroupMembers()),
                List.copyOf(record.getDockerGroupMembers()));
    }
}
