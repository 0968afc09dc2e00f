package io.palisade.sinks.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The composable index template of {@value AlertIndex#PATTERN}: an explicit ECS-shaped mapping with
 * {@code dynamic: strict}, so a field nobody mapped is rejected (and dead-lettered) instead of growing the mapping.
 * Only core field types are used. Installing it again replaces it, so every start brings it up to date.
 */
public final class AlertIndexTemplate {

    /** Name of the template in Elasticsearch. */
    public static final String NAME = "palisade-alerts";

    /** The template body, as sent to {@code PUT _index_template/palisade-alerts}. */
    static final String RESOURCE = "palisade-alerts-template.json";

    private AlertIndexTemplate() {
    }

    public static void install(ElasticsearchClient client) throws IOException {
        try (InputStream body = open()) {
            client.indices().putIndexTemplate(t -> t.name(NAME).withJson(body));
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
