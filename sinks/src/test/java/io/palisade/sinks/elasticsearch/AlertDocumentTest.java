package io.palisade.sinks.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.palisade.schema.Samples;
import io.palisade.schema.Severity;
import io.palisade.sinks.TestAlerts;
import org.junit.jupiter.api.Test;

class AlertDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFullAlertMapsToTheGoldenDocument() throws IOException {
        // Through text, as Elasticsearch receives it: a tree built from Java longs would differ from one parsed from
        // the file by node type alone.
        JsonNode document = JSON.readTree(JSON.writeValueAsString(AlertDocument.of(Samples.alert())));

        assertThat(document).isEqualTo(resource("alert-full.json"));
    }

    @Test
    void absentOptionalFieldsAreLeftOutNotNull() {
        Map<String, Object> document = AlertDocument.of(TestAlerts.minimal("a-1", "PAL-TEST-001", Severity.NOTICE));

        assertThat(document).containsOnlyKeys("@timestamp", "id", "rule", "tags", "message", "first_seen",
                "last_seen", "count", "evidence_event_ids");
        assertThat(document.get("rule")).isEqualTo(
                Map.of("id", "PAL-TEST-001", "name", "Test rule PAL-TEST-001", "severity", "NOTICE"));
    }

    /** With {@code dynamic: strict}, a field missing from the template would have every alert rejected. */
    @Test
    void everyFieldOfTheDocumentIsMappedInTheTemplate() throws IOException {
        JsonNode mappings;
        try (InputStream template = AlertIndexTemplate.open()) {
            mappings = JSON.readTree(template).path("template").path("mappings");
        }
        assertThat(mappings.path("dynamic").asText()).isEqualTo("strict");

        List<String> unmapped = new ArrayList<>();
        collectUnmapped("", JSON.valueToTree(AlertDocument.of(Samples.alert())), mappings, unmapped);

        assertThat(unmapped).isEmpty();
    }

    private static void collectUnmapped(String path, JsonNode value, JsonNode mapping, List<String> unmapped) {
        if (mapping.path("type").asText().equals("flattened")) {
            return; // any keys: label names are the user's
        }
        if (value.isArray()) {
            value.forEach(element -> collectUnmapped(path, element, mapping, unmapped));
        } else if (value.isObject()) {
            value.properties().forEach(field -> {
                JsonNode child = mapping.path("properties").path(field.getKey());
                if (child.isMissingNode()) {
                    unmapped.add(path + field.getKey());
                } else {
                    collectUnmapped(path + field.getKey() + ".", field.getValue(), child, unmapped);
                }
            });
        } else {
            assertThat(mapping.path("type").isTextual()).as(path + " is a leaf with a type").isTrue();
        }
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = AlertDocumentTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return JSON.readTree(in);
        }
    }
}
