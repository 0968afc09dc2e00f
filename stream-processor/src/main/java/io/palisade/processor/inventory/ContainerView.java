package io.palisade.processor.inventory;

import java.util.List;

import io.palisade.schema.ContainerEvent;
import io.palisade.schema.ContainerPosture;

/**
 * One container as the fleet inventory endpoint shows it: who and where it is, and the posture facts an operator
 * filters on. Built from the latest record of palisade.inventory.containers (store
 * {@link io.palisade.processor.InventoryStores#CONTAINERS}); times are ISO-8601 UTC.
 */
public record ContainerView(String id, String name, String image, String imageDigest, String hostName, String hostId,
                            boolean privileged, String user, List<String> capAdd, boolean dockerSocketMounted,
                            String networkMode, String pidMode, String lastAction, String updated) {

    public static ContainerView of(ContainerEvent record) {
        var container = record.getContainer();
        var image = container.getImage();
        ContainerPosture posture = record.getPosture();
        return new ContainerView(container.getId(), container.getName(),
                image == null ? null : image.getName(), image == null ? null : image.getDigest(),
                record.getHost().getName(), record.getHost().getId(),
                posture != null && posture.getPrivileged(), posture == null ? null : posture.getUser(),
                posture == null ? List.of() : List.copyOf(posture.getCapAdd()),
                posture != null && posture.getDockerSocketMounted(),
                posture == null ? null : posture.getNetworkMode(), posture == null ? null : posture.getPidMode(),
                record.getEvent().getAction().name(), record.getEvent().getCreated().toString());
    }
}
