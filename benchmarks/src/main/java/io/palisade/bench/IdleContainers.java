package io.palisade.bench;

import java.util.ArrayList;
import java.util.List;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;

/** N containers running {@code sleep}, labelled so they are recognisable, removed on close. */
final class IdleContainers implements AutoCloseable {

    private final DockerClient docker;
    private final List<String> ids;

    private IdleContainers(DockerClient docker, List<String> ids) {
        this.docker = docker;
        this.ids = ids;
    }

    static IdleContainers start(DockerClient docker, String image, int count) {
        List<String> ids = new ArrayList<>();
        IdleContainers containers = new IdleContainers(docker, ids);
        try {
            for (int i = 0; i < count; i++) {
                String id = docker.createContainerCmd(image).withCmd("sleep", "3600")
                        .withLabels(java.util.Map.of("io.palisade.bench", "CollectorIdle")).exec().getId();
                ids.add(id);
                docker.startContainerCmd(id).exec();
            }
            return containers;
        } catch (RuntimeException e) {
            containers.close();
            throw e;
        }
    }

    int count() {
        return ids.size();
    }

    @Override
    public void close() {
        for (String id : ids) {
            try {
                docker.removeContainerCmd(id).withForce(true).exec();
            } catch (NotFoundException e) {
                // Already gone: nothing to clean up.
            }
        }
    }
}
