package io.palisade.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import io.palisade.schema.Alert;
import io.palisade.schema.Samples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Process events take their container's name, image and posture from the inventory, waiting for it briefly. */
class EnrichmentTopologyTest {

    private static final String ESCAPE_RULE = "PAL-PROC-006";
    private static final String PACKAGE_MANAGER_RULE = "PAL-PROC-002";

    @TempDir
    Path stateDir;

    private TopologyFixture topology;

    @BeforeEach
    void start() {
        topology = new TopologyFixture(stateDir);
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void anEventOfAKnownContainerGetsItsNameImageAndPostureAtOnce() {
        topology.inventory(TestEvents.inventory());

        topology.process(TestEvents.exec("nsenter", "e-1", 0));

        assertThat(topology.alertsOf(ESCAPE_RULE)).singleElement().satisfies(alert -> {
            assertThat(alert.getContainer()).isEqualTo(Samples.container());
            assertThat(alert.getContainer().getLabels()).containsEntry("com.docker.compose.project", "shop");
            assertThat(alert.getContainer().getSecurityContext().getPrivileged()).isTrue();
            assertThat(alert.getMessage()).contains("shop-web", "nginx:1.27");
            assertThat(alert.getTags()).doesNotContain(RuleEvaluator.INVENTORY_MISSING_TAG);
            assertThat(alert.getEvidenceEventIds()).containsExactly("e-1");
        });
    }

    @Test
    void anEventThatOvertakesItsInventoryRecordWaitsForItAndIsThenEnriched() {
        topology.process(TestEvents.exec("nsenter", "e-1", 0));
        topology.advanceWallClock(Duration.ofSeconds(5));
        assertThat(topology.alerts.isEmpty()).as("no alert before the container is known").isTrue();

        topology.inventory(TestEvents.inventory());

        assertThat(topology.alertsOf(ESCAPE_RULE)).singleElement().satisfies(alert -> {
            assertThat(alert.getContainer()).isEqualTo(Samples.container());
            assertThat(alert.getTags()).doesNotContain(RuleEvaluator.INVENTORY_MISSING_TAG);
        });
    }

    @Test
    void anEventOfAContainerStillUnknownAfterTheWaitIsEvaluatedWithoutItAndMarked() {
        topology.process(TestEvents.exec("apt", "e-1", 0));
        topology.advanceWallClock(topology.config.enrichmentMaxWait().minusSeconds(2));
        assertThat(topology.alerts.isEmpty()).as("still waiting").isTrue();

        topology.advanceWallClock(Duration.ofSeconds(3));

        assertThat(topology.alertsOf(PACKAGE_MANAGER_RULE)).singleElement().satisfies(alert -> {
            assertThat(alert.getContainer().getId()).isEqualTo(TestEvents.CONTAINER_ID);
            assertThat(alert.getContainer().getName()).isNull();
            assertThat(alert.getTags()).contains(RuleEvaluator.INVENTORY_MISSING_TAG);
        });
        assertThat(topology.driver.metrics().keySet()).anySatisfy(name ->
                assertThat(name.name()).isEqualTo("enrichment-inventory-missing-total"));
    }

    @Test
    void aDestroyedContainerIsForgottenAndAnEventKeyedByHostIdStillFindsItsContainer() {
        topology.inventory(TestEvents.inventory());
        topology.input(io.palisade.schema.topic.Topics.PROCESS_EVENTS).pipeInput(Samples.host().getId(),
                TestEvents.exec("nsenter", "e-1", 0), Samples.SEEN);
        assertThat(topology.alertsOf(ESCAPE_RULE)).extracting(Alert::getContainer).containsExactly(Samples.container());

        topology.input(io.palisade.schema.topic.Topics.CONTAINER_INVENTORY).pipeInput(TestEvents.CONTAINER_ID, null,
                Samples.SEEN.plusSeconds(1));

        assertThat(topology.driver.getKeyValueStore(InventoryStores.CONTAINERS).get(TestEvents.CONTAINER_ID)).isNull();
    }
}
