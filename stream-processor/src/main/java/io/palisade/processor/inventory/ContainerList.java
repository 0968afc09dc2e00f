package io.palisade.processor.inventory;

import java.util.List;

/** The JSON body of {@code GET /inventory/containers}. */
record ContainerList(int count, List<ContainerView> containers) {

    static ContainerList of(List<ContainerView> containers) {
        return new ContainerList(containers.size(), containers);
    }
}
