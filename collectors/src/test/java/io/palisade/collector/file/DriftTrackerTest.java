package io.palisade.collector.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import io.palisade.collector.file.DriftTracker.Drift;
import io.palisade.schema.FileAction;
import org.junit.jupiter.api.Test;

class DriftTrackerTest {

    private static final int CHANGED = 0;
    private static final int ADDED = 1;
    private static final int DELETED = 2;

    private final DriftTracker tracker = new DriftTracker();

    @Test
    void reportsFilesNotTheDirectoriesHoldingThem() {
        assertThat(tracker.update("c1", Map.of("/tmp", CHANGED, "/tmp/x", ADDED, "/etc", CHANGED,
                "/etc/passwd", CHANGED, "/etc/motd", DELETED, "/root", CHANGED), false))
                .containsExactlyInAnyOrder(new Drift("/tmp/x", FileAction.CREATED),
                        new Drift("/etc/passwd", FileAction.MODIFIED), new Drift("/etc/motd", FileAction.DELETED),
                        new Drift("/root", FileAction.MODIFIED));
    }

    @Test
    void reportsOnlyWhatIsNewSinceTheLastAnswer() {
        tracker.update("c1", Map.of("/tmp", CHANGED, "/tmp/x", ADDED), false);

        assertThat(tracker.update("c1", Map.of("/tmp", CHANGED, "/tmp/x", ADDED, "/tmp/y", ADDED), false))
                .containsExactly(new Drift("/tmp/y", FileAction.CREATED));
        assertThat(tracker.update("c1", Map.of("/tmp", CHANGED, "/tmp/y", ADDED), false))
                .as("x added earlier, gone now").containsExactly(new Drift("/tmp/x", FileAction.DELETED));
    }

    @Test
    void aSilentFirstAnswerIsABaseline() {
        assertThat(tracker.update("old", Map.of("/var/log/app.log", ADDED), true)).isEmpty();
        assertThat(tracker.knows("old")).isTrue();
        assertThat(tracker.update("old", Map.of("/var/log/app.log", ADDED, "/usr/bin/nc", ADDED), false))
                .containsExactly(new Drift("/usr/bin/nc", FileAction.CREATED));
    }

    @Test
    void containersAreTrackedApartAndForgottenWhenGone() {
        tracker.update("c1", Map.of("/a", ADDED), false);
        assertThat(tracker.update("c2", Map.of("/a", ADDED), false)).containsExactly(new Drift("/a",
                FileAction.CREATED));

        tracker.retain(Set.of("c2"));

        assertThat(tracker.knows("c1")).isFalse();
        assertThat(tracker.knows("c2")).isTrue();
    }
}
