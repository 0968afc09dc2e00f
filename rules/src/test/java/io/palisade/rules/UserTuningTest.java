package io.palisade.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.palisade.rules.fixture.FixtureReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tuning as data: a user directory narrows a policy list with {@code !entry} and replaces a threshold. */
class UserTuningTest {

    @TempDir
    Path dir;

    @Test
    void userListRemovesBuiltinEntriesWithABang() throws Exception {
        Files.createDirectories(dir.resolve("lists"));
        Files.writeString(dir.resolve("lists/allowed_registries.txt"), "registry.acme.internal\n!docker.io\n");
        Facts dockerHubImage = builtinFixture("PAL-CNT-010/negative-docker-hub-short-name.json");

        assertThat(ids(RuleEngine.load(List.of()), dockerHubImage)).doesNotContain("PAL-CNT-010");
        RuleEngine tuned = RuleEngine.load(List.of(dir));
        assertThat(ids(tuned, dockerHubImage)).contains("PAL-CNT-010");
        assertThat(tuned.allowLists()).filteredOn(l -> l.name().equals("allowed_registries")).singleElement()
                .satisfies(l -> assertThat(l.entries()).contains("registry.acme.internal", "ghcr.io")
                        .doesNotContain("docker.io"));
    }

    @Test
    void userThresholdReplacesTheBuiltinOne() throws Exception {
        Files.writeString(dir.resolve("thresholds.properties"), "cpu_percent = 50\n");
        Facts sampleAt89 = builtinFixture("PAL-STAT-001/negative-below.json");

        assertThat(ids(RuleEngine.load(List.of()), sampleAt89)).doesNotContain("PAL-STAT-001");
        assertThat(ids(RuleEngine.load(List.of(dir)), sampleAt89)).containsExactly("PAL-STAT-001");
    }

    @Test
    void thresholdThatIsNotANumberFailsTheLoadNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("thresholds.properties"), "cpu_percent=ninety\n");

        assertThatThrownBy(() -> RuleEngine.load(List.of(dir)))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining(dir.resolve("thresholds.properties").toString())
                .hasMessageContaining("threshold cpu_percent = \"ninety\" is not a number");
    }

    private static List<String> ids(RuleEngine engine, Facts facts) {
        return engine.evaluate(facts).stream().map(f -> f.rule().id()).toList();
    }

    private static Facts builtinFixture(String relative) throws Exception {
        return FixtureReader.read(Path.of(Objects.requireNonNull(
                UserTuningTest.class.getResource("/io/palisade/rules/fixtures/" + relative)).toURI())).facts();
    }
}
