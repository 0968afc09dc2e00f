package io.palisade.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.palisade.collector.agent.CollectorConfig;
import io.palisade.collector.process.ProcessSettings;
import io.palisade.runtime.config.InvalidConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorConfigBindingTest {

    @TempDir
    Path dir;

    @Test
    void readsEverySectionFromYamlWithShortDurationsAndKeepsDefaultsForWhatIsUnset() throws IOException {
        Path file = write("""
                kafka:
                  bootstrap_servers: kafka-1:9093,kafka-2:9093
                  properties:
                    security.protocol: SASL_SSL
                host:
                  name: web-1
                publish:
                  max_block: 2s
                  spool_dir: /data/spool
                sources:
                  container:
                    resync: 10m
                  process:
                    backend: proc
                    poll_interval: 250ms
                  file:
                    paths: [/etc, /srv/app]
                  stats:
                    enabled: false
                ops:
                  port: 0
                """);

        CollectorConfig config = CollectorConfig.binder().load(Optional.of(file), Map.of(), Map.of());

        assertThat(config.kafka().bootstrapServers()).isEqualTo("kafka-1:9093,kafka-2:9093");
        assertThat(config.kafka().properties()).containsEntry("security.protocol", "SASL_SSL");
        assertThat(config.host().name()).isEqualTo("web-1");
        assertThat(config.host().id()).isNull();
        assertThat(config.publish().maxBlock()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.publish().spoolDir()).isEqualTo(Path.of("/data/spool"));
        assertThat(config.publish().spoolMaxBytes()).isEqualTo(256L << 20);
        assertThat(config.sources().container().resync()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.sources().process().backend()).isEqualTo(ProcessSettings.Backend.PROC);
        assertThat(config.sources().process().pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.sources().file().paths()).containsExactly("/etc", "/srv/app");
        assertThat(config.sources().stats().enabled()).isFalse();
        assertThat(config.sources().host().enabled()).isTrue();
        assertThat(config.ops().port()).isZero();
    }

    @Test
    void threeMistakesAreThreeProblemsInOneError() throws IOException {
        Path file = write("""
                kafka:
                  bootstrap_servers: kafka:9092
                sources:
                  file:
                    pathz: [/etc]
                  stats:
                    interval: soon
                  process:
                    poll_interval: 1ms
                """);

        assertThatThrownBy(() -> CollectorConfig.binder().load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "sources.file.pathz is not a known setting",
                        "sources.stats.interval: cannot read \"soon\" as a duration (not a duration (use e.g. 500ms, "
                                + "30s, 5m, 2h, 1d))",
                        "sources.process.poll_interval must be at least 10ms, got PT0.001S"));
    }

    @Test
    void aYamlSyntaxErrorNamesTheFileAndLine() throws IOException {
        Path file = write("""
                kafka:
                  bootstrap_servers: kafka:9092
                sources:
                  file:
                    paths: [/etc
                """);

        assertThatThrownBy(() -> CollectorConfig.binder().load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith(file + ": not valid YAML at line 5: "));
    }

    @Test
    void theExampleDocumentsEveryKey() throws IOException {
        Path example = Path.of("..", "config", "collector.example.yml");

        assertThat(CollectorConfig.binder().undocumentedKeys(example)).isEmpty();
        CollectorConfig config = CollectorConfig.binder().load(Optional.of(example), Map.of(), Map.of());
        assertThat(config).isEqualTo(CollectorConfig.defaults("127.0.0.1:9092"));
    }

    @Test
    void wrongTypesAndMissingBootstrapServersAreReportedTogether() throws IOException {
        Path file = write("""
                kafak:
                  bootstrap_servers: kafka:9092
                publish:
                  spool_max_bytes: lots
                sources:
                  container: yes please
                  host:
                    enabled: maybe
                  process:
                    backend: ebpf
                ops:
                  port: 70000
                """);

        assertThatThrownBy(() -> CollectorConfig.binder().load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .hasSize(7)
                        .anySatisfy(p -> assertThat(p).isEqualTo("kafak is not a known setting"))
                        .anySatisfy(p -> assertThat(p).startsWith("publish.spool_max_bytes: cannot read \"lots\""))
                        .anySatisfy(p -> assertThat(p).startsWith("sources.container: expected a section"))
                        .anySatisfy(p -> assertThat(p).startsWith("sources.host.enabled: cannot read \"maybe\""))
                        .anySatisfy(p -> assertThat(p).startsWith("sources.process.backend: cannot read \"ebpf\" as "
                                + "one of [auto, netlink, proc]"))
                        .anySatisfy(p -> assertThat(p).startsWith("ops.port must be between 0 and 65535"))
                        .anySatisfy(p -> assertThat(p).startsWith("kafka.bootstrap_servers is required")));
    }

    @Test
    void environmentOverridesTheFileAndCommandLineOverridesBoth() throws IOException {
        Path file = write("""
                kafka:
                  bootstrap_servers: from-file:9092
                sources:
                  file:
                    enabled: true
                """);
        Map<String, String> env = Map.of(
                "PALISADE_KAFKA_BOOTSTRAP_SERVERS", "from-env:9092",
                "PALISADE_SOURCES_FILE_ENABLED", "false",
                "PALISADE_SOURCES_FILE_PATHS", "/etc, /opt",
                "PALISADE_PUBLISH_SPOOL_MAX_BYTES", "2097152",
                "PALISADE_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
                "PALISADE_JAVA_OPTS", "-Xmx64m");

        CollectorConfig fromEnv = CollectorConfig.binder().load(Optional.of(file), env, Map.of());
        CollectorConfig fromFlags = CollectorConfig.binder().load(Optional.of(file), env,
                Map.of("kafka.bootstrap_servers", "from-flag:9092", "kafka.properties.sasl.mechanism", "PLAIN"));

        assertThat(fromEnv.kafka().bootstrapServers()).isEqualTo("from-env:9092");
        assertThat(fromEnv.sources().file().enabled()).isFalse();
        assertThat(fromEnv.sources().file().paths()).containsExactly("/etc", "/opt");
        assertThat(fromEnv.publish().spoolMaxBytes()).isEqualTo(2L << 20);
        assertThat(fromEnv.kafka().properties()).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(fromFlags.kafka().bootstrapServers()).isEqualTo("from-flag:9092");
        assertThat(fromFlags.kafka().properties()).containsEntry("sasl.mechanism", "PLAIN");
    }

    @Test
    void sharedBootstrapVariableIsTheFallbackAndMisspelledVariablesAreProblems() {
        CollectorConfig config = CollectorConfig.binder().load(Optional.empty(),
                Map.of("PALISADE_BOOTSTRAP_SERVERS", "shared:9092"), Map.of());
        assertThat(config.kafka().bootstrapServers()).isEqualTo("shared:9092");

        assertThatThrownBy(() -> CollectorConfig.binder().load(Optional.empty(), Map.of(
                "PALISADE_BOOTSTRAP_SERVERS", "shared:9092", "PALISADE_SOURCES_FILE_ENABLE", "false"), Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("environment variable PALISADE_SOURCES_FILE_ENABLE does not name a setting"));
    }

    @Test
    void kafkaPropertiesMustBeProducerSettingsTheCollectorDoesNotOwn() {
        assertThatThrownBy(() -> CollectorConfig.binder().load(Optional.empty(), Map.of(
                "PALISADE_KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                "PALISADE_KAFKA_PROPERTIES_ENABLE_IDEMPOTENCE", "false",
                "PALISADE_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATOIN", "/x"), Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "kafka.properties.enable.idempotence is set by the collector and cannot be changed",
                        "kafka.properties.ssl.truststore.locatoin is not a Kafka producer setting"));
    }

    @Test
    void effectiveConfigurationIsPrintableYamlWithSecretsRedactedAndReadsBackTheSame() throws IOException {
        CollectorConfig config = CollectorConfig.binder().load(Optional.empty(), Map.of(
                "PALISADE_KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                "PALISADE_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "ScramLoginModule required password=\"hunter2\";",
                "PALISADE_KAFKA_PROPERTIES_SSL_KEYSTORE_PASSWORD", "hunter3",
                "PALISADE_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL"), Map.of());

        String yaml = CollectorConfig.binder().toYaml(config);

        assertThat(yaml).doesNotContain("hunter2", "hunter3")
                .contains("sasl.jaas.config: <redacted>", "security.protocol: SASL_SSL", "resync: 5m",
                        "spool_dir: /var/lib/palisade/spool", "poll_interval: 100ms");
        Path printed = write(yaml);
        CollectorConfig reread = CollectorConfig.binder().load(Optional.of(printed), Map.of(), Map.of());
        assertThat(reread.sources()).isEqualTo(config.sources());
        assertThat(reread.publish()).isEqualTo(config.publish());
    }

    @Test
    void everyKeyHasAnEnvironmentVariable() {
        assertThat(CollectorConfig.binder().environmentVariables())
                .containsEntry("kafka.bootstrap_servers", "PALISADE_KAFKA_BOOTSTRAP_SERVERS")
                .containsEntry("kafka.properties", "PALISADE_KAFKA_PROPERTIES_<NAME>")
                .containsEntry("sources.file.rescan_interval", "PALISADE_SOURCES_FILE_RESCAN_INTERVAL")
                .containsEntry("publish.spool_dir", "PALISADE_PUBLISH_SPOOL_DIR")
                .containsEntry("ops.port", "PALISADE_OPS_PORT")
                .containsKeys(List.of("sources.process.backend", "sources.drift.interval", "host.id").toArray(new String[0]));
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "collector", ".yml");
        return Files.writeString(file, yaml);
    }
}
