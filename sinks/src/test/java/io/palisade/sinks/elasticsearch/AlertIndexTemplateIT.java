package io.palisade.sinks.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.palisade.devstack.ElasticsearchNode;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.schema.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The index template on a real Elasticsearch node, across an upgrade that adds fields. */
@ExtendWith(DevStackExtension.class)
class AlertIndexTemplateIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void todaysIndexCreatedByAnOlderVersionTakesTheFieldsAddedSinceWhenTheTemplateIsInstalled(ElasticsearchNode node)
            throws Exception {
        String index = "palisade-alerts-1999.01.01-" + UUID.randomUUID();
        Map<String, Object> alert = AlertDocument.of(Samples.alert());
        String olderMappings = mappingsBeforeLabels();
        try (ElasticsearchClient es = ElasticsearchClient.of(b -> b.host(node.httpUrl().toString()))) {
            // Without the current template, which would otherwise add its mappings to the new index.
            if (es.indices().existsIndexTemplate(t -> t.name(AlertIndexTemplate.NAME)).value()) {
                es.indices().deleteIndexTemplate(t -> t.name(AlertIndexTemplate.NAME));
            }
            es.indices().create(c -> c.index(index).withJson(new StringReader(olderMappings)));
            assertThatThrownBy(() -> es.index(i -> i.index(index).id("before").document(alert)))
                    .as("strict mapping of the older version").isInstanceOf(ElasticsearchException.class)
                    .hasMessageContaining("labels");

            AlertIndexTemplate.install(es);

            assertThat(es.index(i -> i.index(index).id("after").document(alert)).result().jsonValue())
                    .isEqualTo("created");
        }
    }

    /** The mappings of the template as they were before containers carried labels and their privilege. */
    private static String mappingsBeforeLabels() throws IOException {
        ObjectNode template;
        try (InputStream body = AlertIndexTemplate.open()) {
            template = (ObjectNode) JSON.readTree(body);
        }
        ObjectNode container = (ObjectNode) template.path("template").path("mappings").path("properties")
                .path("container").path("properties");
        container.remove("labels");
        container.remove("security_context");
        return JSON.createObjectNode().set("mappings", template.path("template").path("mappings")).toString();
    }
}
