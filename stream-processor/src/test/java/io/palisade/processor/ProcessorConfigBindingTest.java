package io.palisade.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.palisade.processor.correlation.CorrelationSettings.Sequence;
import io.palisade.runtime.config.InvalidConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor's YAML, environment and override binding, and its example file. */
class ProcessorConfigBindingTest {

    private static final Path EXAMPLE = Path.of("..", "config", "processor.example.yml");

    @TempDir
    Path dir;

    @Test
    void theExampleDocumentsEveryKeyAtItsDefault() throws IOException {
        assertThat(ProcessorConfig.binder().undocumentedKeys(EXAMPLE)).isEmpty();
        assertThat(ProcessorConfig.binder().load(Optional.of(EXAMPLE), Map.of(), Map.of()))
                .isEqualTo(ProcessorConfig.defaults());
    }

    @Test
    void readsEverySectionAndKeepsDefaultsForWhatIsUnset() throws IOException {
        Path file = write("""
                kafka:
                  bootstrap_servers: kafka-1:9093
                  properties:
                    security.protocol: SSL
                application_id: fleet-a
                stream_threads: 4
                enrichment_max_wait: PT45S
                query:
                  host: 0.0.0.0
                  advertised_host: processor-1
                correlations:
                  sequences:
                    - first_rule_id: PAL-PROC-001
                      then_rule_id: PAL-NET-001
                      within: 90s
                  thresholds: []
                  fleet_min_hosts: 5
                """);

        ProcessorConfig config = ProcessorConfig.binder().load(Optional.of(file), Map.of(), Map.of());

        assertThat(config.kafka().clientProperties()).containsEntry("bootstrap.servers", "kafka-1:9093")
                .containsEntry("security.protocol", "SSL");
        assertThat(config.streamsProperties()).containsEntry("application.id", "fleet-a")
                .containsEntry("num.stream.threads", 4).containsEntry("security.protocol", "SSL");
        assertThat(config.enrichmentMaxWait()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.suppressionGrace()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.query().reachableHost()).isEqualTo("processor-1");
        assertThat(config.query().port()).isEqualTo(9470);
        assertThat(config.correlations().sequences()).containsExactly(new Sequence("PAL-PROC-001", "PAL-NET-001",
                Duration.ofSeconds(90)));
        assertThat(config.correlations().thresholds()).isEmpty();
        assertThat(config.correlations().fleetMinHosts()).isEqualTo(5);
        assertThat(config.correlations().fleetWindow()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void threeMistakesAreReportedAtOnceEachWithItsKeyPath() throws IOException {
        Path file = write("""
                suppression_grase: 1m
                correlations:
                  fleet_window: soon
                  sequences:
                    - first_rule_id: PAL-PROC-001
                      then_rule_id: PAL-PROC-001
                      within: 5m
                """);

        assertThatThrownBy(() -> ProcessorConfig.binder().load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .containsExactlyInAnyOrder("suppression_grase is not a known setting",
                        "correlations.fleet_window: cannot read \"soon\" as a duration (not a duration (use e.g. "
                                + "500ms, 30s, 5m, 2h, 1d))",
                        "correlations.sequences[0]: first_rule_id and then_rule_id must differ (use a threshold "
                                + "for repeats)"));
    }

    @Test
    void aYamlSyntaxErrorNamesTheFileAndLine() throws IOException {
        Path file = write("""
                application_id: a
                query:
                  host: [0.0.0.0
                """);

        assertThatThrownBy(() -> ProcessorConfig.binder().load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith(file + ": not valid YAML at line 3: "));
    }

    @Test
    void theEnvironmentVariablesDeploymentsAlreadySetStillWorkAndFlagsWinOverThem() {
        Map<String, String> env = Map.of("PALISADE_BOOTSTRAP_SERVERS", "shared:9092",
                "PALISADE_STATE_DIR", "/var/lib/palisade/processor",
                "PALISADE_PROCESSOR_THREADS", "3",
                "PALISADE_ENRICHMENT_MAX_WAIT", "PT20S",
                "PALISADE_SUPPRESSION_EMIT_INTERVAL", "5s",
                "PALISADE_QUERY_PORT", "9471",
                "PALISADE_QUERY_ADVERTISED_HOST", "processor-2",
                "PALISADE_CORRELATIONS_FLEET_MIN_HOSTS", "4",
                "PALISADE_KAFKA_PROPERTIES_SASL_MECHANISM", "PLAIN");

        ProcessorConfig fromEnv = ProcessorConfig.binder().load(Optional.empty(), env, Map.of());
        ProcessorConfig fromFlags = ProcessorConfig.binder().load(Optional.empty(), env,
                Map.of("kafka.bootstrap_servers", "flag:9092", "stream_threads", "2"));

        assertThat(fromEnv.kafka().bootstrapServers()).isEqualTo("shared:9092");
        assertThat(fromEnv.stateDir()).isEqualTo(Path.of("/var/lib/palisade/processor"));
        assertThat(fromEnv.streamThreads()).isEqualTo(3);
        assertThat(fromEnv.enrichmentMaxWait()).isEqualTo(Duration.ofSeconds(20));
        assertThat(fromEnv.suppressionEmitInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(fromEnv.query()).isEqualTo(new QuerySettings(null, 9471, "processor-2"));
        assertThat(fromEnv.correlations().fleetMinHosts()).isEqualTo(4);
        assertThat(fromEnv.kafka().properties()).containsEntry("sasl.mechanism", "PLAIN");
        assertThat(fromFlags.kafka().bootstrapServers()).isEqualTo("flag:9092");
        assertThat(fromFlags.streamThreads()).isEqualTo(2);
    }

    @Test
    void kafkaPropertiesCannotChangeWhatTheProcessorOwns() {
        assertThatThrownBy(() -> ProcessorConfig.binder().load(Optional.empty(),
                Map.of("PALISADE_KAFKA_PROPERTIES_PROCESSING_GUARANTEE", "at_least_once"), Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "kafka.properties.processing.guarantee is set by the processor and cannot be changed here"));
    }

    @Test
    void printedConfigurationRedactsSecretsAndReadsBackTheSame() throws IOException {
        ProcessorConfig config = ProcessorConfig.binder().load(Optional.empty(), Map.of(
                "PALISADE_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "PlainLoginModule required password=\"hunter2\";",
                "PALISADE_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL"), Map.of());

        String yaml = ProcessorConfig.binder().toYaml(config);

        assertThat(yaml).doesNotContain("hunter2").contains("sasl.jaas.config: <redacted>",
                "security.protocol: SASL_SSL", "fleet_window: 10m", "first_rule_id: PAL-PROC-001");
        ProcessorConfig reread = ProcessorConfig.binder().load(Optional.of(write(yaml)), Map.of(), Map.of());
        assertThat(reread).usingRecursiveComparison().ignoringFields("kafka.properties").isEqualTo(config);
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "processor", ".yml"), yaml);
    }
}
