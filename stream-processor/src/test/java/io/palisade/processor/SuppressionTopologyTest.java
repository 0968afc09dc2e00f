package io.palisade.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.palisade.processor.support.AlertIds;
import io.palisade.schema.Alert;
import io.palisade.schema.FileEvent;
import io.palisade.schema.Samples;
import io.palisade.schema.topic.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A burst of one finding is one alert id whose count grows, written a few times, never dropped. */
class SuppressionTopologyTest {

    private static final String RULE = "PAL-PROC-006";

    @TempDir
    Path stateDir;

    private TopologyFixture topology;
    private Duration emitInterval;

    @BeforeEach
    void start() {
        topology = new TopologyFixture(stateDir);
        emitInterval = topology.config.suppressionEmitInterval();
        topology.inventory(TestEvents.inventory());
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void theFirstOccurrenceIsWrittenAtOnceAndRepeatsUpdateTheSameIdAtMostOncePerInterval() {
        topology.process(TestEvents.exec("nsenter", "e-0", 0));
        List<Alert> first = topology.alertsOf(RULE);
        assertThat(first).extracting(Alert::getCount).containsExactly(1L);

        for (int i = 1; i < 5; i++) {
            topology.process(TestEvents.exec("nsenter", "e-" + i, i));
        }
        assertThat(topology.alerts.isEmpty()).as("repeats wait for the next emission").isTrue();
        topology.advanceWallClock(emitInterval);

        assertThat(topology.alertsOf(RULE)).singleElement().satisfies(update -> {
            assertThat(update.getId()).isEqualTo(first.getFirst().getId());
            assertThat(update.getCount()).isEqualTo(5);
            assertThat(update.getFirstSeen()).isEqualTo(Samples.SEEN);
            assertThat(update.getLastSeen()).isEqualTo(Samples.SEEN.plusSeconds(4));
            assertThat(update.getEvidenceEventIds()).containsExactly("e-0", "e-1", "e-2", "e-3", "e-4");
        });

        topology.advanceWallClock(emitInterval);
        assertThat(topology.alerts.isEmpty()).as("nothing new, nothing written").isTrue();
    }

    @Test
    void whenTheWindowClosesTheLastUpdateCarriesEveryRepeatAndTheNextWindowHasANewId() {
        Duration window = topology.config.alertWindow();
        int repeats = 25;
        for (int i = 0; i < repeats; i++) {
            topology.process(TestEvents.exec("nsenter", "e-" + i, i));
        }
        String nextWindowEvent = "e-next";
        topology.process(TestEvents.exec("nsenter", nextWindowEvent,
                AlertIds.windowStart(Samples.SEEN, window).plus(window).plus(topology.config.suppressionGrace())));
        topology.advanceWallClock(emitInterval);

        List<Alert> written = topology.alertsOf(RULE);
        String firstId = written.getFirst().getId();
        assertThat(written).filteredOn(a -> a.getId().equals(firstId)).extracting(Alert::getCount)
                .containsExactly(1L, (long) repeats);
        assertThat(written).filteredOn(a -> !a.getId().equals(firstId)).singleElement().satisfies(next -> {
            assertThat(next.getCount()).isEqualTo(1);
            assertThat(next.getEvidenceEventIds()).containsExactly(nextWindowEvent);
        });
        assertThat(written.stream().filter(a -> a.getId().equals(firstId)).toList().getLast().getEvidenceEventIds())
                .hasSize(AlertMerge.EVIDENCE_SAMPLE);
        assertThat(topology.driver.getKeyValueStore(AlertSuppressor.LOCAL_STORE).get(firstId))
                .as("a closed window's state is dropped").isNull();
    }

    @Test
    void repeatsBetweenLaterEmissionsAreWrittenAndTheirWindowStillClosesWhenStreamTimePassesIt() {
        Duration window = topology.config.alertWindow();
        topology.process(TestEvents.exec("nsenter", "e-0", 0));
        topology.advanceWallClock(emitInterval);
        topology.process(TestEvents.exec("nsenter", "e-1", 1));
        topology.process(TestEvents.exec("nsenter", "e-2", 2));
        topology.advanceWallClock(emitInterval);

        List<Alert> written = topology.alertsOf(RULE);
        assertThat(written).extracting(Alert::getCount).containsExactly(1L, 3L);
        String id = written.getFirst().getId();

        topology.process(TestEvents.exec("nsenter", "e-3", 3));
        topology.process(TestEvents.exec("nsenter", "e-next",
                AlertIds.windowStart(Samples.SEEN, window).plus(window).plus(topology.config.suppressionGrace())));
        topology.advanceWallClock(emitInterval);

        assertThat(topology.alertsOf(RULE)).filteredOn(a -> a.getId().equals(id)).extracting(Alert::getCount)
                .containsExactly(4L);
        assertThat(topology.driver.getKeyValueStore(AlertSuppressor.LOCAL_STORE).get(id))
                .as("a closed window's state is dropped").isNull();
    }

    @Test
    void anAlertOfOneContainerIsSuppressedInItsTaskWithoutTheRepartitionByAlertId() {
        topology.process(TestEvents.exec("nsenter", "e-0", 0));
        topology.process(TestEvents.exec("nsenter", "e-1", 1));

        String id = topology.alertsOf(RULE).getFirst().getId();
        assertThat(topology.driver.getKeyValueStore(AlertSuppressor.LOCAL_STORE).get(id)).isNotNull();
        assertThat(topology.driver.producedTopicNames()).noneMatch(t -> t.endsWith("alerts-by-id-repartition"));
    }

    @Test
    void theSameFileChangedInTwoContainersOfOneHostIsOneAlertCountedTwiceAfterTheRepartition() {
        String otherContainer = TestEvents.newContainerId();
        topology.inventory(TestEvents.inventory(otherContainer));
        for (String container : List.of(TestEvents.CONTAINER_ID, otherContainer)) {
            FileEvent change = TestEvents.passwdReplaced(container, "f-" + container, Samples.SEEN);
            topology.input(Topics.FILE_EVENTS).pipeInput(container, change, Samples.SEEN);
        }
        // The test driver has one partition, so one task found both: it sends the second on as an increment at its
        // next emission, and the suppressor after the repartition writes the new count at its own next one.
        topology.advanceWallClock(emitInterval);
        topology.advanceWallClock(emitInterval);

        // Write below /etc deduplicates by host and path, whichever container wrote: the two alerts meet by id.
        assertThat(topology.alertsOf("PAL-FILE-002")).extracting(Alert::getCount).containsExactly(1L, 2L);
        assertThat(topology.driver.producedTopicNames()).anyMatch(t -> t.endsWith("alerts-by-id-repartition"));
    }

    @Test
    void repeatsFoundInOneTaskCrossTheRepartitionByAlertIdAsOneIncrementAndAreAllCounted() {
        int writes = 20;
        for (int i = 0; i < writes; i++) {
            Instant at = Samples.SEEN.plusSeconds(i);
            topology.input(Topics.FILE_EVENTS).pipeInput(TestEvents.CONTAINER_ID,
                    TestEvents.passwdReplaced(TestEvents.CONTAINER_ID, "f-" + i, at), at);
        }
        topology.advanceWallClock(emitInterval);
        topology.advanceWallClock(emitInterval);

        assertThat(repartitionedByAlertId()).extracting(Alert::getCount)
                .as("the first at once, then the repeats in one increment").containsExactly(1L, writes - 1L);
        assertThat(topology.alertsOf("PAL-FILE-002")).satisfiesExactly(
                first -> assertThat(first.getCount()).isEqualTo(1),
                update -> {
                    assertThat(update.getCount()).isEqualTo(writes);
                    assertThat(update.getFirstSeen()).isEqualTo(Samples.SEEN);
                    assertThat(update.getLastSeen()).isEqualTo(Samples.SEEN.plusSeconds(writes - 1));
                    assertThat(update.getEvidenceEventIds()).hasSize(AlertMerge.EVIDENCE_SAMPLE).startsWith("f-0");
                });
    }

    private List<Alert> repartitionedByAlertId() {
        String topic = topology.driver.producedTopicNames().stream()
                .filter(t -> t.endsWith("alerts-by-id-repartition")).findFirst().orElseThrow();
        return topology.driver.createOutputTopic(topic, Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer()).readValuesToList();
    }
}
