package io.palisade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code palisade collector --config FILE [--dry-run]}: one error listing every problem, or the effective config. */
class CollectorCommandTest {

    private static final Path EXAMPLE = Path.of("..", "config", "collector.example.yml");

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @TempDir
    Path dir;

    @Test
    void aConfigWithThreeMistakesFailsWithOneErrorListingAllThree() throws Exception {
        Path config = Files.writeString(dir.resolve("collector.yml"), """
                kafka:
                  bootstrap_servers: kafka:9092
                publish:
                  max_blok: 5s
                sources:
                  stats:
                    enabled: sometimes
                  container:
                    resync: 0s
                """);

        int exit = new CommandLine(new Palisade()).execute("collector", "--config", config.toString());

        assertThat(exit).isEqualTo(ConfigFileOptions.INVALID_CONFIG);
        assertThat(streams.err())
                .contains("invalid collector configuration (3 problems)")
                .contains("publish.max_blok is not a known setting")
                .contains("sources.stats.enabled: cannot read \"sometimes\" as true or false")
                .contains("sources.container.resync must be at least 1s, got 0ms");
        assertThat(streams.out()).isEmpty();
    }

    @Test
    void dryRunPrintsTheEffectiveConfigurationWithFlagsAppliedAndSecretsRedacted() throws Exception {
        Path config = Files.writeString(dir.resolve("collector.yml"), """
                kafka:
                  bootstrap_servers: kafka:9092
                  properties:
                    security.protocol: SASL_SSL
                    sasl.jaas.config: ScramLoginModule required username="c" password="hunter2";
                    ssl.truststore.password: hunter3
                """);

        int exit = new CommandLine(new Palisade()).execute("collector", "--config", config.toString(), "--dry-run",
                "--bootstrap-server", "flag:9092", "--no-container-source", "--container-resync", "PT10M");

        String printed = streams.out();
        assertThat(exit).isZero();
        assertThat(printed).contains("bootstrap_servers: flag:9092", "security.protocol: SASL_SSL",
                "sasl.jaas.config: <redacted>", "ssl.truststore.password: <redacted>", "resync: 10m",
                "spool_dir: /var/lib/palisade/spool")
                .doesNotContain("hunter2", "hunter3");
        assertThat(printed.substring(printed.indexOf("container:"))).startsWith("container:\n    enabled: false");
    }

    @Test
    void theExampleConfigurationIsValid() {
        int exit = new CommandLine(new Palisade()).execute("collector", "--config", EXAMPLE.toString(), "--dry-run");

        assertThat(streams.err()).isEmpty();
        assertThat(exit).isZero();
        assertThat(streams.out()).contains("bootstrap_servers: 127.0.0.1:9092");
    }
}
