package io.palisade.cli.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.palisade.schema.Alert;
import io.palisade.schema.Rule;
import io.palisade.schema.Samples;
import io.palisade.schema.Severity;
import io.palisade.schema.serde.TrustedRecords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AlertViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void trustGeneratedRecords() {
        TrustedRecords.install(); // Builders deep-copy nested records.
    }

    @Test
    void jsonCarriesTheAlertNestedLikeTheElasticsearchDocument() throws Exception {
        Alert alert = Samples.alert();

        JsonNode json = JSON.readTree(AlertView.json(alert, false));

        assertThat(json.get("id").asText()).isEqualTo(alert.getId());
        assertThat(json.at("/rule/id").asText()).isEqualTo("PAL-CNT-001");
        assertThat(json.at("/rule/name").asText()).isEqualTo("Shell in container");
        assertThat(json.at("/rule/severity").asText()).isEqualTo("WARNING");
        assertThat(json.at("/threat/technique/id").asText()).isEqualTo("T1059");
        assertThat(json.at("/host/name").asText()).isEqualTo(alert.getHost().getName());
        assertThat(json.at("/container/id").asText()).isEqualTo(alert.getContainer().getId());
        assertThat(json.at("/container/name").asText()).isEqualTo(alert.getContainer().getName());
        assertThat(json.at("/container/image/name").asText()).isEqualTo(alert.getContainer().getImage().getName());
        assertThat(json.at("/process/executable").asText()).isEqualTo(alert.getProcess().getExecutable());
        assertThat(json.at("/process/args/0").asText()).isEqualTo(alert.getProcess().getArgs().getFirst());
        assertThat(json.at("/file/path").asText()).isEqualTo(alert.getFile().getPath());
        assertThat(json.get("count").asLong()).isEqualTo(3);
        assertThat(json.get("first_seen").asText()).isEqualTo(alert.getFirstSeen().toString());
        assertThat(json.get("last_seen").asText()).isEqualTo(alert.getLastSeen().toString());
        assertThat(json.get("message").asText()).isEqualTo(alert.getMessage());
        assertThat(json.get("update").asBoolean()).isFalse();
    }

    @Test
    void absentValuesArePresentAsNull() throws Exception {
        Alert alert = Alert.newBuilder(Samples.alert()).setThreat(null).setContainer(null).setProcess(null)
                .setFile(null).setHost(null).build();

        JsonNode json = JSON.readTree(AlertView.json(alert, true));

        for (String key : AlertView.ALWAYS_PRESENT) {
            JsonNode node = json;
            for (String part : key.split("\\.")) {
                assertThat(node.has(part)).as(key).isTrue();
                node = node.get(part);
            }
        }
        assertThat(json.at("/container/image/name").isNull()).isTrue();
        assertThat(json.at("/threat/technique/id").isNull()).isTrue();
        assertThat(json.at("/process/args").isNull()).isTrue();
        assertThat(json.get("update").asBoolean()).isTrue();
    }

    @Test
    void lineNamesTimeSeverityRuleHostContainerProcessFileAndCount() {
        Alert alert = Samples.alert();

        String line = AlertView.line(alert, false, false);

        assertThat(line).startsWith("00:00:30Z WARNING")
                .contains("PAL-CNT-001 Shell in container")
                .contains("host=" + alert.getHost().getName())
                .contains("container=" + alert.getContainer().getName() + " ("
                        + alert.getContainer().getImage().getName() + ")")
                .contains("process=" + alert.getProcess().getExecutable())
                .contains("file=" + alert.getFile().getPath())
                .contains("count=3")
                .doesNotContain("update")
                .doesNotContain("\u001b");
    }

    @Test
    void updatesAreMarkedAndColourFollowsSeverity() {
        Alert critical = Alert.newBuilder(Samples.alert()).setRule(Rule.newBuilder(Samples.alert().getRule())
                .setSeverity(Severity.CRITICAL).build()).build();

        String line = AlertView.line(critical, true, true);

        assertThat(line).contains(AlertView.colourOf(Severity.CRITICAL) + "CRITICAL").endsWith("(update)");
        assertThat(AlertView.colourOf(Severity.CRITICAL)).isNotEqualTo(AlertView.colourOf(Severity.WARNING));
    }

    @Test
    void selectionKeepsAlertsAtOrAboveTheSeverityOfTheNamedRules() {
        Alert warning = Samples.alert();

        assertThat(AlertSelection.all().test(warning)).isTrue();
        assertThat(new AlertSelection(Severity.WARNING, Set.of()).test(warning)).isTrue();
        assertThat(new AlertSelection(Severity.ERROR, Set.of()).test(warning)).isFalse();
        assertThat(new AlertSelection(Severity.DEBUG, Set.of("PAL-CNT-001")).test(warning)).isTrue();
        assertThat(new AlertSelection(Severity.DEBUG, Set.of("PAL-FIM-001")).test(warning)).isFalse();
    }

    @Test
    void anIdSeenBeforeIsARepeat() {
        SeenAlertIds seen = new SeenAlertIds();

        assertThat(seen.repeat("a")).isFalse();
        assertThat(seen.repeat("b")).isFalse();
        assertThat(seen.repeat("a")).isTrue();
    }
}
