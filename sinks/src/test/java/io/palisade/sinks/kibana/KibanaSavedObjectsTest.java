package io.palisade.sinks.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.palisade.sinks.elasticsearch.AlertIndexTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped Kibana objects only use fields the strict index template maps, and reference only each other. */
class KibanaSavedObjectsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KQL_FIELD = Pattern.compile("([A-Za-z@_][\\w.@]*)\\s*:");

    private static List<JsonNode> objects;

    @BeforeAll
    static void read() throws IOException {
        objects = new ArrayList<>();
        for (String line : new String(KibanaSavedObjects.ndjson(), StandardCharsets.UTF_8).split("\n")) {
            objects.add(JSON.readTree(line));
        }
    }

    @Test
    void everyFieldTheObjectsReferenceIsMappedByTheIndexTemplate() throws IOException {
        Set<String> referenced = new TreeSet<>();
        for (JsonNode object : objects) {
            JsonNode attributes = object.get("attributes");
            if (attributes.has("timeFieldName")) {
                referenced.add(attributes.get("timeFieldName").asText());
            }
            if (attributes.has("visState")) {
                JSON.readTree(attributes.get("visState").asText()).findValues("field")
                        .forEach(field -> referenced.add(field.asText()));
            }
            attributes.path("columns").forEach(column -> referenced.add(column.asText()));
            attributes.path("sort").forEach(sort -> referenced.add(sort.get(0).asText()));
            String searchSource = attributes.path("kibanaSavedObjectMeta").path("searchSourceJSON").asText("{}");
            Matcher kql = KQL_FIELD.matcher(JSON.readTree(searchSource).path("query").path("query").asText());
            while (kql.find()) {
                referenced.add(kql.group(1));
            }
        }

        assertThat(referenced).contains("@timestamp", "rule.severity", "rule.name", "host.name", "container.name",
                "container.image.name", "threat.technique.id");
        assertThat(templateFields()).containsAll(referenced);
    }

    @Test
    void everyReferenceNamesAnObjectOfTheFile() {
        Set<String> shipped = new HashSet<>();
        objects.forEach(object -> shipped.add(object.get("type").asText() + ":" + object.get("id").asText()));
        for (JsonNode object : objects) {
            object.get("references").forEach(reference -> assertThat(shipped)
                    .as("reference %s of %s", reference, object.get("id"))
                    .contains(reference.get("type").asText() + ":" + reference.get("id").asText()));
        }
        assertThat(shipped).contains("dashboard:" + KibanaSavedObjects.DASHBOARD_ID);
    }

    private static Set<String> templateFields() throws IOException {
        try (InputStream template = AlertIndexTemplate.open()) {
            Set<String> fields = new HashSet<>();
            collect(JSON.readTree(template).at("/template/mappings/properties"), "", fields);
            return fields;
        }
    }

    private static void collect(JsonNode properties, String prefix, Set<String> fields) {
        properties.properties().forEach(entry -> {
            if (entry.getValue().has("properties")) {
                collect(entry.getValue().get("properties"), prefix + entry.getKey() + ".", fields);
            } else {
                fields.add(prefix + entry.getKey());
            }
        });
    }
}
