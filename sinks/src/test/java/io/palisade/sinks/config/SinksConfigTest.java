package io.palisade.sinks.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.palisade.runtime.config.InvalidConfigException;
import io.palisade.schema.Severity;
import io.palisade.sinks.SinkSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinksConfigTest {

    private static final Path EXAMPLE = Path.of("..", "config", "sinks.example.yml");

    @TempDir
    Path dir;

    private static final Map<String, String> ENV = Map.of(
            "ES_PASSWORD", "es-secret-pw",
            "SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T000/B000/hook-secret",
            "S3_SECRET", "s3-secret-key");

    private static final String FULL = """
            sinks:
              - name: elasticsearch
                type: elasticsearch
                min_severity: notice
                batch_size: 1000
                batch_linger: 500ms
                backoff: {initial: 100ms, max: 10s}
                elasticsearch:
                  url: https://es.example:9200
                  username: palisade
                  password: ${ES_PASSWORD}
              - name: slack-critical
                type: slack
                tags_any: [container, mitre_privilege_escalation]
                tags_none: [noisy]
                slack:
                  routes:
                    - min_severity: critical
                      webhook_url: ${SLACK_WEBHOOK_URL}
                  max_messages_per_minute: 10
              - name: archive
                type: s3
                s3:
                  endpoint: http://127.0.0.1:9000
                  bucket: palisade-alerts
                  access_key: palisade
                  secret_key: ${S3_SECRET}
            """;

    @Test
    void readsEverySinkTypeWithDefaultsAndEnvironmentSecrets() throws IOException {
        var definitions = load(FULL, ENV).definitions();

        assertThat(definitions).extracting(s -> s.settings().name())
                .containsExactly("elasticsearch", "slack-critical", "archive");
        SinkSettings es = definitions.get(0).settings();
        assertThat(es.minimumSeverity()).isEqualTo(Severity.NOTICE);
        assertThat(es.batchSize()).isEqualTo(1000);
        assertThat(es.batchLinger()).isEqualTo(Duration.ofMillis(500));
        assertThat(es.backoff().max()).isEqualTo(Duration.ofSeconds(10));
        var connection = ((Destination.Elasticsearch) definitions.get(0).destination()).connection();
        assertThat(connection.url()).isEqualTo(URI.create("https://es.example:9200"));
        assertThat(connection.password()).isEqualTo("es-secret-pw");

        SinkSettings slack = definitions.get(1).settings();
        assertThat(slack.tags().any()).isEqualTo(Set.of("container", "mitre_privilege_escalation"));
        assertThat(slack.tags().none()).isEqualTo(Set.of("noisy"));
        assertThat(slack.batchSize()).isEqualTo(SinkSettings.DEFAULT_BATCH_SIZE);
        var slackSettings = ((Destination.Slack) definitions.get(1).destination()).settings();
        assertThat(slackSettings.routes().getFirst().minimumSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(slackSettings.maxMessagesPerMinute()).isEqualTo(10);

        var s3 = ((Destination.S3) definitions.get(2).destination()).settings();
        assertThat(s3.bucket()).isEqualTo("palisade-alerts");
        assertThat(s3.secretKey()).isEqualTo("s3-secret-key");
        assertThat(s3.prefix()).isEqualTo("alerts/");
    }

    @Test
    void theExampleDocumentsEveryKey() throws IOException {
        assertThat(SinksConfig.binder().undocumentedKeys(EXAMPLE)).isEmpty();
    }

    @Test
    void theExampleFileIsValid() throws Exception {
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, "not read before connecting");
        String example = Files.readString(EXAMPLE).replace("/etc/palisade/elasticsearch-ca.pem", ca.toString());
        Map<String, String> env = Map.of("PALISADE_ES_PASSWORD", "pw",
                "PALISADE_SLACK_WEBHOOK_SECURITY", "https://hooks.slack.com/services/a",
                "PALISADE_SLACK_WEBHOOK_ONCALL", "https://hooks.slack.com/services/b",
                "PALISADE_S3_ACCESS_KEY", "ak", "PALISADE_S3_SECRET_KEY", "sk");

        SinksConfig config = load(example, env);

        assertThat(config.definitions()).extracting(s -> s.destination().type())
                .containsExactly("elasticsearch", "slack", "s3");
    }

    @Test
    void reportsThreeMistakesInOneError() throws IOException {
        String yaml = """
                sinks:
                  - name: es
                    type: elasticsearch
                    batch_size: lots
                    elasticsearch:
                      url: http://127.0.0.1:9200
                      usename: elastic
                  - name: archive
                    type: s3
                    s3:
                      endpoint: http://127.0.0.1:9000
                """;

        Path file = write(yaml);
        assertThatThrownBy(() -> SinksConfig.binder().load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .containsExactlyInAnyOrder(
                                "sinks[0].batch_size: cannot read \"lots\" as a whole number (not a valid "
                                        + "`java.lang.Integer` value)",
                                "sinks[0].elasticsearch.usename is not a known setting",
                                "sinks[1].s3: invalid S3 archive settings: bucket is required"))
                .hasMessageContaining("3 problems");
    }

    @Test
    void reportsSettingsErrorsUnsetVariablesAndSectionsOfAnotherType() throws IOException {
        String yaml = """
                sinks:
                  - name: Bad_Name
                    type: slack
                    slack:
                      routes:
                        - webhook_url: ${NOT_SET}
                    s3: {bucket: x}
                  - name: x
                    type: kafka
                """;

        Path file = write(yaml);
        assertThatThrownBy(() -> SinksConfig.binder().load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("sinks[0]: invalid settings for sink Bad_Name"))
                        .contains("sinks[0].slack.routes[0].webhook_url: environment variable NOT_SET is not set",
                                "sinks[0].s3 is not a known setting for a sink of type slack",
                                "sinks[1].type must be one of [elasticsearch, slack, s3], not kafka"));
    }

    @Test
    void aYamlSyntaxErrorNamesTheFileAndLine() throws IOException {
        Path file = write("""
                sinks:
                  - name: es
                     type: elasticsearch
                """);

        assertThatThrownBy(() -> SinksConfig.binder().load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith(file + ": not valid YAML at line 3: "));
    }

    @Test
    void dryRunShowsEffectiveConfigurationWithoutSecrets() throws IOException {
        String yaml = SinksConfig.binder().toYaml(load(FULL, ENV));

        assertThat(yaml).contains("batch_linger: 500ms", "min_severity: critical", "prefix: alerts/",
                "password: <redacted>", "webhook_url: <redacted>", "secret_key: <redacted>", "username: palisade");
        assertThat(yaml).doesNotContain("es-secret-pw", "hook-secret", "s3-secret-key");
        assertThat(load(yaml.replace("<redacted>", "x").replace("webhook_url: x",
                "webhook_url: https://hooks.slack.com/x"), Map.of()).definitions()).hasSize(3);
    }

    private SinksConfig load(String yaml, Map<String, String> env) throws IOException {
        return SinksConfig.binder().load(Optional.of(write(yaml)), env, Map.of());
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "sinks", ".yml"), yaml);
    }
}
