package io.palisade.collector.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import io.palisade.devstack.DockerEnvironment;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/** The collector's docker-java client against the real engine, on a container Testcontainers started. */
class DockerEngineIT {

    @Test
    void listsAPrivilegedContainerAndReportsItPrivileged() throws Exception {
        try (GenericContainer<?> privileged = new GenericContainer<>(DockerImageName.parse(DockerEnvironment.testImage()))
                .withPrivilegedMode(true)
                .withCommand("sleep", "300");
             DockerClient docker = DockerClients.fromEnvironment()) {
            privileged.start();

            List<Container> running = docker.listContainersCmd().exec();
            InspectContainerResponse inspected = docker.inspectContainerCmd(privileged.getContainerId()).exec();

            assertThat(running).extracting(Container::getId).contains(privileged.getContainerId());
            assertThat(inspected.getHostConfig().getPrivileged()).isTrue();
        }
    }
}
