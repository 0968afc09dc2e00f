package io.palisade.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigBinderTest {

    /** A service configuration in miniature: a section with a map, a nested section, and checks of its own. */
    record ShopConfig(ServerSettings server, Duration timeout, Map<String, String> properties,
                      List<Upstream> upstreams) implements Validatable {
        ShopConfig {
            server = Objects.requireNonNullElseGet(server, () -> new ServerSettings(null, null, null));
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
            properties = properties == null ? Map.of() : properties;
            upstreams = upstreams == null ? List.of() : upstreams;
        }

        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>(server.problems());
            if (timeout.isZero()) {
                problems.add("timeout must be above 0");
            }
            return problems;
        }
    }

    record Upstream(String url, String apiToken) {
    }

    record ServerSettings(String host, Integer port, List<String> tags) {
        ServerSettings {
            host = host == null ? "127.0.0.1" : host;
            port = port == null ? 8080 : port;
            tags = tags == null ? List.of() : tags;
        }

        List<String> problems() {
            return port > 65535 ? List.of("server.port must be at most 65535, got " + port) : List.of();
        }
    }

    private static final ConfigBinder<ShopConfig> BINDER = ConfigBinder.of(ShopConfig.class, "shop",
            Map.of("PALISADE_SHOP_PORT", "server.port"));

    @TempDir
    Path dir;

    @Test
    void keysAreTheRecordComponentsInSnakeCase() {
        assertThat(BINDER.keys()).containsExactly("server.host", "server.port", "server.tags", "timeout", "properties",
                "upstreams[].url", "upstreams[].api_token");
        assertThat(BINDER.environmentVariables()).containsEntry("server.port", "PALISADE_SERVER_PORT")
                .containsEntry("properties", "PALISADE_PROPERTIES_<NAME>")
                .doesNotContainKey("upstreams[].url");
    }

    @Test
    void unsetKeysAndKeysWithNoValueTakeTheRecordDefaults() throws IOException {
        Path file = write("""
                server:
                  host:
                timeout:
                """);

        ShopConfig config = BINDER.load(Optional.of(file), Map.of(), Map.of());

        assertThat(config.server()).isEqualTo(new ServerSettings("127.0.0.1", 8080, List.of()));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void threeMistakesAreReportedAtOnceEachWithItsKeyPath() throws IOException {
        Path file = write("""
                server:
                  prot: 80
                  port: 70000
                timeout: soon
                """);

        assertThatThrownBy(() -> BINDER.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.problems()).containsExactly(
                            "server.prot is not a known setting",
                            "timeout: cannot read \"soon\" as a duration (not a duration (use e.g. 500ms, 30s, 5m, "
                                    + "2h, 1d))",
                            "server.port must be at most 65535, got 70000");
                    assertThat(e.getMessage()).startsWith("invalid shop configuration (3 problems):");
                });
    }

    @Test
    void yamlSyntaxErrorNamesTheFileAndLine() throws IOException {
        Path file = write("""
                server:
                  host: a
                 port: 80
                """);

        assertThatThrownBy(() -> BINDER.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .singleElement().asString().startsWith(file + ": not valid YAML at line 3: "));
    }

    @Test
    void environmentOverridesTheFileAndOverridesWinOverBoth() throws IOException {
        Path file = write("""
                server:
                  host: from-file
                  port: 1
                """);
        Map<String, String> env = Map.of("PALISADE_SERVER_HOST", "from-env", "PALISADE_SERVER_TAGS", "a, b",
                "PALISADE_PROPERTIES_SSL_KEY_PASSWORD", "pw", "PALISADE_TIMEOUT", "PT1M", "PALISADE_SHOP_PORT", "2",
                "PALISADE_JAVA_OPTS", "-Xmx64m");

        ShopConfig fromEnv = BINDER.load(Optional.of(file), env, Map.of());
        ShopConfig fromOverride = BINDER.load(Optional.of(file), env, Map.of("server.host", "from-flag",
                "properties.ssl.key.password", "other"));

        assertThat(fromEnv.server()).isEqualTo(new ServerSettings("from-env", 2, List.of("a", "b")));
        assertThat(fromEnv.properties()).containsExactly(Map.entry("ssl.key.password", "pw"));
        assertThat(fromEnv.timeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(fromOverride.server().host()).isEqualTo("from-flag");
        assertThat(fromOverride.properties()).containsEntry("ssl.key.password", "other");
    }

    @Test
    void aKeysOwnVariableWinsOverItsFallbackAndAMisspelledVariableIsAProblem() {
        ShopConfig config = BINDER.load(Optional.empty(),
                Map.of("PALISADE_SHOP_PORT", "2", "PALISADE_SERVER_PORT", "3"), Map.of());
        assertThat(config.server().port()).isEqualTo(3);

        assertThatThrownBy(() -> BINDER.load(Optional.empty(), Map.of("PALISADE_SERVER_PORTS", "3"), Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("environment variable PALISADE_SERVER_PORTS does not name a setting"));
    }

    @Test
    void printedYamlRedactsSecretsAndReadsBackTheSame() throws IOException {
        ShopConfig config = new ShopConfig(null, Duration.ofMillis(1500),
                Map.of("ssl.key.password", "hunter2", "sasl.jaas.config", "secret=\"x\"", "acks", "all"),
                List.of(new Upstream("https://a", "hunter4")));

        String yaml = BINDER.toYaml(config);

        assertThat(yaml).doesNotContain("hunter2", "secret=", "hunter4").contains("ssl.key.password: <redacted>",
                "acks: all", "timeout: 1500ms", "port: 8080", "api_token: <redacted>", "url: https://a");
        ShopConfig reread = BINDER.load(Optional.of(write(yaml)), Map.of(), Map.of());
        assertThat(reread.server()).isEqualTo(config.server());
        assertThat(reread.timeout()).isEqualTo(config.timeout());
    }

    @Test
    void undocumentedKeysAreThoseAnExampleFileLeavesOut() throws IOException {
        Path example = write("""
                server:
                  host: 127.0.0.1   # default
                  tags: []
                properties: {}
                """);

        assertThat(BINDER.undocumentedKeys(example)).containsExactly("server.port", "timeout", "upstreams[].url",
                "upstreams[].api_token");
        Path listed = write("""
                upstreams:
                  - url: https://a
                  - api_token: t
                """);
        assertThat(BINDER.undocumentedKeys(listed)).doesNotContain("upstreams[].url", "upstreams[].api_token");
    }

    @Test
    void referencesToEnvironmentVariablesInTheFileAreReplacedAndUnsetOnesAreProblems() throws IOException {
        Path file = write("""
                server:
                  host: ${SHOP_HOST}
                upstreams:
                  - url: https://${SHOP_UPSTREAM}/api
                    api_token: ${SHOP_TOKEN}
                """);

        ShopConfig config = BINDER.load(Optional.of(file), Map.of("SHOP_HOST", "shop.internal",
                "SHOP_UPSTREAM", "up", "SHOP_TOKEN", "t0k"), Map.of());

        assertThat(config.server().host()).isEqualTo("shop.internal");
        assertThat(config.upstreams()).containsExactly(new Upstream("https://up/api", "t0k"));
        assertThatThrownBy(() -> BINDER.load(Optional.of(file), Map.of("SHOP_UPSTREAM", "up"), Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "server.host: environment variable SHOP_HOST is not set",
                        "upstreams[0].api_token: environment variable SHOP_TOKEN is not set"));
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "config", ".yml"), yaml);
    }
}
