package io.palisade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code palisade processor --config FILE [--dry-run]}: one error listing every problem, or the effective config. */
class ProcessorCommandTest {

    private static final Path EXAMPLE = Path.of("..", "config", "processor.example.yml");

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @TempDir
    Path dir;

    @Test
    void aConfigWithThreeMistakesFailsWithOneErrorListingAllThree() throws Exception {
        Path config = Files.writeString(dir.resolve("processor.yml"), """
                stream_threads: 0
                query:
                  prot: 9470
                correlations:
                  stats_stddev_factor: high
                """);

        int exit = new CommandLine(new Palisade()).execute("processor", "--config", config.toString());

        assertThat(exit).isEqualTo(ConfigFileOptions.INVALID_CONFIG);
        assertThat(streams.err())
                .contains("invalid processor configuration (3 problems)")
                .contains("query.prot is not a known setting")
                .contains("correlations.stats_stddev_factor: cannot read \"high\"")
                .contains("stream_threads must be at least 1, not 0");
        assertThat(streams.out()).isEmpty();
    }

    @Test
    void dryRunPrintsTheEffectiveConfigurationWithFlagsAppliedAndSecretsRedacted() throws Exception {
        Path config = Files.writeString(dir.resolve("processor.yml"), """
                kafka:
                  bootstrap_servers: kafka:9092
                  properties:
                    security.protocol: SASL_SSL
                    sasl.jaas.config: PlainLoginModule required username="p" password="hunter2";
                application_id: from-file
                correlations:
                  fleet_min_hosts: 4
                """);

        int exit = new CommandLine(new Palisade()).execute("processor", "--config", config.toString(), "--dry-run",
                "--bootstrap-server", "flag:9092", "--threads", "2", "--enrichment-max-wait", "PT45S",
                "--query-advertised-host", "processor-1");

        assertThat(streams.err()).isEmpty();
        assertThat(exit).isZero();
        assertThat(streams.out()).contains("bootstrap_servers: flag:9092", "security.protocol: SASL_SSL",
                "sasl.jaas.config: <redacted>", "application_id: from-file", "stream_threads: 2",
                "enrichment_max_wait: 45s", "advertised_host: processor-1", "fleet_min_hosts: 4",
                "suppression_grace: 1m")
                .doesNotContain("hunter2");
    }

    @Test
    void theExampleConfigurationIsValid() {
        int exit = new CommandLine(new Palisade()).execute("processor", "--config", EXAMPLE.toString(), "--dry-run");

        assertThat(streams.err()).isEmpty();
        assertThat(exit).isZero();
        assertThat(streams.out()).contains("application_id: palisade-processor", "fleet_window: 10m");
    }
}
