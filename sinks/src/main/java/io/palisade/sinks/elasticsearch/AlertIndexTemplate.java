package io.palisade.sinks.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composable index template of {@value AlertIndex#PATTERN}: an explicit ECS-shaped mapping with
 * {@code dynamic: strict}, so a field nobody mapped is rejected (and dead-lettered) instead of growing the mapping.
 * Core field types, and {@code flattened} for container labels, whose names are the user's. Installing it again
 * replaces it and adds the fields it gained to the indices an older version created, so every start brings it up
 * to date.
 */
public final class AlertIndexTemplate {

    /** Name of the template in Elasticsearch. */
    public static final String NAME = "palisade-alerts";

    /** The template body, as sent to {@code PUT _index_template/palisade-alerts}. */
    static final String RESOURCE = "palisade-alerts-template.json";

    private static final Logger LOG = LoggerFactory.getLogger(AlertIndexTemplate.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertIndexTemplate() {
    }

    public static void install(ElasticsearchClient client) throws IOException {
        JsonNode template;
        try (InputStream body = open()) {
            template = JSON.readTree(body);
        }
        client.indices().putIndexTemplate(t -> t.name(NAME).withJson(new StringReader(template.toString())));
        // A template shapes only indices created after it: today's index, created under an older version, would
        // reject every alert with a field added since until tomorrow's. Adding fields to a mapping is allowed.
        String mappings = template.path("template").path("mappings").toString();
        try {
            client.indices().putMapping(m -> m.index(AlertIndex.PATTERN).allowNoIndices(true)
                    .withJson(new StringReader(mappings)));
        } catch (ElasticsearchException e) {
            // A field whose type changed cannot be updated in place; the new daily index will have it.
            LOG.atWarn().addKeyValue("indices", AlertIndex.PATTERN).addKeyValue("reason", e.getMessage())
                    .log("existing alert indices keep their older mapping; alerts it rejects are dead-lettered");
        }
    }

    /** The template body, for tools that check other artefacts (Kibana objects) against the mapping. */
    public static InputStream open() {
        InputStream body = AlertIndexTemplate.class.getResourceAsStream(RESOURCE);
        if (body == null) {
            throw new UncheckedIOException(new IOException("missing resource " + RESOURCE));
        }
        return body;
    }
}
