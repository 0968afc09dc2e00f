package io.palisade.processor.inventory;

import java.time.Instant;
import java.util.List;

import io.palisade.schema.Container;
import io.palisade.schema.ContainerAction;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.ContainerEventInfo;
import io.palisade.schema.ContainerImage;
import io.palisade.schema.ContainerPosture;
import io.palisade.schema.Host;
import io.palisade.schema.HostEvent;
import io.palisade.schema.HostEventInfo;
import io.palisade.schema.Samples;
import io.palisade.schema.serde.TrustedRecords;

/** Inventory records as collectors send them, of any container or host, for the inventory tests. */
final class InventoryViews {

    static {
        // The builders below deep-copy samples before any serde has installed the trust.
        TrustedRecords.install();
    }

    private InventoryViews() {
    }

    /** The inventory record of container {@code id} running {@code image} on host {@code hostName}. */
    static ContainerEvent container(String id, String image, String hostName, boolean privileged, Instant at) {
        ContainerEvent sample = Samples.containerEvent();
        return ContainerEvent.newBuilder(sample).setExec(null).setExitCode(null)
                .setEvent(ContainerEventInfo.newBuilder(sample.getEvent()).setAction(ContainerAction.INVENTORY)
                        .setId("inv-" + id).setCreated(at).build())
                .setHost(Host.newBuilder(Samples.host()).setName(hostName).setId("id-" + hostName).build())
                .setContainer(Container.newBuilder(Samples.container()).setId(id).setName("name-" + id)
                        .setImage(ContainerImage.newBuilder().setName(image).setDigest(null).build()).build())
                .setPosture(ContainerPosture.newBuilder(Samples.posture()).setPrivileged(privileged).build())
                .build();
    }

    /** A heartbeat of host {@code name} taken at {@code at}. */
    static HostEvent heartbeat(String name, Instant at) {
        HostEvent sample = Samples.hostEvent();
        return HostEvent.newBuilder(sample)
                .setEvent(HostEventInfo.newBuilder(sample.getEvent()).setId("hb-" + name + "-" + at.toEpochMilli())
                        .setCreated(at).build())
                .setHost(Host.newBuilder(sample.getHost()).setName(name).setId("id-" + name).build())
                .build();
    }

    static ContainerView containerView(String id, String image, String hostName, boolean privileged, Instant at) {
        return ContainerView.of(container(id, image, hostName, privileged, at));
    }

    static HostView hostView(String name, Instant at) {
        return HostView.of(heartbeat(name, at));
    }

    static List<String> ids(List<ContainerView> containers) {
        return containers.stream().map(ContainerView::id).toList();
    }
}
