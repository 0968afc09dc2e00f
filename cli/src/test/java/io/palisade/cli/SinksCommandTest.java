package io.palisade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.palisade.runtime.ops.OpsServer;
import io.palisade.sinks.SinkMetrics;
import io.palisade.sinks.SinkState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code palisade sinks --config FILE [--dry-run]}: one error listing every problem, or the effective config. */
class SinksCommandTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @TempDir
    Path dir;

    @Test
    void aConfigWithThreeMistakesFailsWithOneErrorListingAllThree() throws Exception {
        Path config = Files.writeString(dir.resolve("sinks.yml"), """
                sinks:
                  - name: es
                    type: elasticsearch
                    min_severity: urgent
                    elasticsearch:
                      url: http://127.0.0.1:9200
                  - name: slack
                    type: slack
                    slack:
                      routes: []
                  - name: archive
                    type: s3
                    s3: {bucket: alerts, create_bucket: maybe}
                """);

        int exit = new CommandLine(new Palisade()).execute("sinks", "--config", config.toString());

        assertThat(exit).isEqualTo(SinksCommand.INVALID_CONFIG);
        assertThat(streams.err()).contains("3 problems",
                "sinks[0].min_severity: cannot read \"urgent\" as one of [debug",
                "sinks[1].slack.routes needs at least one route (min_severity, webhook_url)",
                "sinks[2].s3.create_bucket: cannot read \"maybe\" as true or false");
    }

    @Test
    void dryRunPrintsTheElasticsearchShortcutWithDefaults() {
        int exit = new CommandLine(new Palisade()).execute("sinks", "--elasticsearch", "http://127.0.0.1:9200",
                "--elasticsearch-min-severity", "WARNING", "--dry-run");

        assertThat(exit).isZero();
        assertThat(streams.out()).contains("name: elasticsearch", "type: elasticsearch",
                "min_severity: warning", "batch_size: 500", "url: http://127.0.0.1:9200");
    }

    @Test
    void healthIsDownWhileAnySinkIsStopped() {
        Instant since = Instant.parse("2026-01-01T00:00:00Z");
        SinkMetrics.Snapshot running = new SinkMetrics.Snapshot("es",
                new SinkState(SinkState.Phase.RETRYING, since, "connection refused"), 0, 0, 0, 0, 0, 0, 0, 0);
        SinkMetrics.Snapshot stopped = new SinkMetrics.Snapshot("slack",
                new SinkState(SinkState.Phase.STOPPED, since, "404 no_service"), 0, 0, 0, 0, 0, 0, 0, 0);

        assertThat(SinksCommand.health(List.of(running))).isEqualTo(new OpsServer.Health(true,
                "es retrying since 2026-01-01T00:00:00Z: connection refused"));
        OpsServer.Health down = SinksCommand.health(List.of(running, stopped));
        assertThat(down.healthy()).isFalse();
        assertThat(down.detail()).contains("slack stopped: 404 no_service");
    }
}
