package io.palisade.sinks.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.palisade.schema.Severity;
import io.palisade.sinks.SinkSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SinksConfigLoaderTest {

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
    void readsEverySinkTypeWithDefaultsAndEnvironmentSecrets() {
        SinksConfig config = SinksConfigLoader.parse(FULL, "sinks.yml", ENV);

        assertThat(config.sinks()).extracting(s -> s.settings().name())
                .containsExactly("elasticsearch", "slack-critical", "archive");
        SinkSettings es = config.sinks().get(0).settings();
        assertThat(es.minimumSeverity()).isEqualTo(Severity.NOTICE);
        assertThat(es.batchSize()).isEqualTo(1000);
        assertThat(es.batchLinger()).isEqualTo(Duration.ofMillis(500));
        assertThat(es.backoff().max()).isEqualTo(Duration.ofSeconds(10));
        var connection = ((Destination.Elasticsearch) config.sinks().get(0).destination()).connection();
        assertThat(connection.url()).isEqualTo(URI.create("https://es.example:9200"));
        assertThat(connection.password()).isEqualTo("es-secret-pw");

        SinkSettings slack = config.sinks().get(1).settings();
        assertThat(slack.tags().any()).isEqualTo(Set.of("container", "mitre_privilege_escalation"));
        assertThat(slack.tags().none()).isEqualTo(Set.of("noisy"));
        assertThat(slack.batchSize()).isEqualTo(SinkSettings.DEFAULT_BATCH_SIZE);
        var slackSettings = ((Destination.Slack) config.sinks().get(1).destination()).settings();
        assertThat(slackSettings.routes().getFirst().minimumSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(slackSettings.maxMessagesPerMinute()).isEqualTo(10);

        var s3 = ((Destination.S3) config.sinks().get(2).destination()).settings();
        assertThat(s3.bucket()).isEqualTo("palisade-alerts");
        assertThat(s3.secretKey()).isEqualTo("s3-secret-key");
        assertThat(s3.prefix()).isEqualTo("alerts/");
    }

    @Test
    void theExampleFileIsValid(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path ca = dir.resolve("ca.pem");
        java.nio.file.Files.writeString(ca, "not read before connecting");
        String example = java.nio.file.Files.readString(java.nio.file.Path.of("..", "config", "sinks.example.yml"))
                .replace("/etc/palisade/elasticsearch-ca.pem", ca.toString());
        Map<String, String> env = Map.of("PALISADE_ES_PASSWORD", "pw",
                "PALISADE_SLACK_WEBHOOK_SECURITY", "https://hooks.slack.com/services/a",
                "PALISADE_SLACK_WEBHOOK_ONCALL", "https://hooks.slack.com/services/b",
                "PALISADE_S3_ACCESS_KEY", "ak", "PALISADE_S3_SECRET_KEY", "sk");

        SinksConfig config = SinksConfigLoader.parse(example, "sinks.example.yml", env);

        assertThat(config.sinks()).extracting(s -> s.destination().type())
                .containsExactly("elasticsearch", "slack", "s3");
    }

    @Test
    void reportsThreeMistakesInOneError() {
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

        assertThatThrownBy(() -> SinksConfigLoader.parse(yaml, "sinks.yml", Map.of()))
                .isInstanceOfSatisfying(InvalidSinksConfigException.class, e -> assertThat(e.problems())
                        .containsExactlyInAnyOrder(
                                "sinks[0].batch_size: cannot read \"lots\" as a whole number",
                                "sinks[0].elasticsearch.usename: is not a known setting",
                                "sinks[1].s3: invalid S3 archive settings: bucket is required"))
                .hasMessageContaining("3 problems");
    }

    @Test
    void reportsSettingsErrorsUnsetVariablesAndSectionsOfAnotherType() {
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

        assertThatThrownBy(() -> SinksConfigLoader.parse(yaml, "sinks.yml", Map.of()))
                .isInstanceOfSatisfying(InvalidSinksConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("sinks[0]: invalid settings for sink Bad_Name"))
                        .contains("sinks[0].slack.routes[0].webhook_url: environment variable NOT_SET is not set",
                                "sinks[0].s3: is not a known setting",
                                "sinks[1].type: must be one of [elasticsearch, slack, s3], not kafka"));
    }

    @Test
    void dryRunShowsEffectiveConfigurationWithoutSecrets() {
        String yaml = SinksConfigLoader.parse(FULL, "sinks.yml", ENV).toYaml(SinksConfigLoader.YAML);

        assertThat(yaml).contains("batch_linger: 500ms", "min_severity: critical", "prefix: alerts/",
                "password: <redacted>", "webhook_url: <redacted>", "secret_key: <redacted>", "username: palisade");
        assertThat(yaml).doesNotContain("es-secret-pw", "hook-secret", "s3-secret-key");
        assertThat(SinksConfigLoader.parse(yaml.replace("<redacted>", "x").replace("webhook_url: x",
                "webhook_url: https://hooks.slack.com/x"), "dry-run", Map.of()).sinks()).hasSize(3);
    }
}
