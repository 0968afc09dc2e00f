package io.palisade.cli.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.palisade.collector.file.FileIntegritySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartTextTest {

    private static final Endpoints ENDPOINTS = new Endpoints("127.0.0.1:40001", URI.create("http://127.0.0.1:40002"),
            URI.create("http://127.0.0.1:40003"), "palisade-alerts", "us-east-1", "access", "secret", "/tmp/qs");

    /** The collector plan creates the selftest directory in the data directory. */
    @TempDir
    private Path dataDir;

    @Test
    void endpointsForScriptsAreKeyValuePairs() {
        assertThat(ENDPOINTS.keyValues()).containsEntry("kafka.bootstrap_servers", "127.0.0.1:40001")
                .containsEntry("elasticsearch.url", "http://127.0.0.1:40002")
                .containsEntry("elasticsearch.index_pattern", "palisade-alerts-*")
                .containsEntry("s3.endpoint", "http://127.0.0.1:40003")
                .containsEntry("s3.bucket", "palisade-alerts")
                .containsEntry("s3.access_key", "access").containsEntry("s3.secret_key", "secret");
    }

    @Test
    void endpointsForPeopleSayHowToTailTheAlerts() {
        assertThat(String.join("\n", ENDPOINTS.forPeople()))
                .contains("bin/palisade alerts tail --bootstrap-server 127.0.0.1:40001")
                .contains("http://127.0.0.1:40002").contains("palisade-alerts-*")
                .contains("bucket palisade-alerts");
    }

    @Test
    void statusLineShowsRateAlertsAndEachSink() {
        Map<String, String> sinks = new LinkedHashMap<>();
        sinks.put("elasticsearch", "running");
        sinks.put("s3", "running");

        assertThat(new Status(12.5, 340, 3, "RUNNING", sinks).line()).isEqualTo(
                "events/s 12.5 (total 340)  alerts 3  processor RUNNING  sinks: elasticsearch running, s3 running");
    }

    @Test
    void withoutDockerTheDockerSourcesAreOffAndSaySo() {
        CollectorPlan plan = CollectorPlan.forHost("127.0.0.1:40001", dataDir,
                Optional.of("no Docker Engine at unix:///var/run/docker.sock"), true);

        assertThat(plan.config().sources().container().enabled()).isFalse();
        assertThat(plan.config().sources().drift().enabled()).isFalse();
        assertThat(plan.config().sources().stats().enabled()).isFalse();
        assertThat(plan.config().sources().host().enabled()).isFalse();
        assertThat(plan.config().sources().process().enabled()).isTrue();
        assertThat(plan.notes()).containsExactly("container, drift, stats and host (daemon posture) sources: off, "
                + "no Docker Engine at unix:///var/run/docker.sock");
    }

    @Test
    void spoolAndFileBaselineLiveUnderTheDataDirectory() {
        CollectorPlan plan = CollectorPlan.forHost("127.0.0.1:40001", dataDir, Optional.empty(), true);

        assertThat(plan.config().kafka().bootstrapServers()).isEqualTo("127.0.0.1:40001");
        assertThat(plan.config().publish().spoolDir()).isEqualTo(dataDir.resolve("spool"));
        assertThat(plan.config().sources().file().stateDir()).isEqualTo(dataDir.resolve("fim"));
        assertThat(plan.config().sources().container().enabled()).isTrue();
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void theFileSourceAlsoWatchesTheSelftestDirectoryWhichExistsBeforeTheCollectorStarts() {
        CollectorPlan plan = CollectorPlan.forHost("127.0.0.1:40001", dataDir, Optional.empty(), true);

        Path selftest = CollectorPlan.selftestDirectory(dataDir);
        assertThat(selftest).isEqualTo(dataDir.toAbsolutePath().resolve("selftest")).isDirectory();
        assertThat(plan.config().sources().file().paths()).containsAll(FileIntegritySettings.DEFAULT_PATHS)
                .contains(selftest.toString());
    }

    @Test
    void notRootPollsProcAndSaysWhatIsLimited() {
        CollectorPlan plan = CollectorPlan.forHost("127.0.0.1:40001", dataDir, Optional.empty(), false);

        assertThat(plan.config().sources().process().backend().name()).isEqualTo("PROC");
        assertThat(plan.notes()).anyMatch(note -> note.startsWith("process source: /proc polling"));
    }
}
