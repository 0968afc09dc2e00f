package io.palisade.processor.inventory;

import java.util.List;
import java.util.Optional;

/** The questions the inventory endpoint answers, from this instance's stores or from the whole fleet. */
interface Inventory {

    List<ContainerView> containers(ContainerQuery query);

    Optional<ContainerView> container(String id);

    List<HostView> hosts(HostQuery query);
}
