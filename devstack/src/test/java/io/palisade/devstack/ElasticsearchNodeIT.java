package io.palisade.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.palisade.devstack.junit.DevStackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DevStackExtension.class)
class ElasticsearchNodeIT {

    @Test
    void anIndexedDocumentIsFoundBySearch(ElasticsearchNode node) throws Exception {
        try (ElasticsearchClient es = ElasticsearchClient.of(b -> b.host(node.httpUrl().toString()))) {
            es.index(i -> i.index("devstack-it").id("1").refresh(Refresh.True)
                    .document(Map.of("rule", Map.of("id", "terminal_shell_in_container"))));

            SearchResponse<Object> found = es.search(s -> s.index("devstack-it")
                    .query(q -> q.term(t -> t.field("rule.id").value("terminal_shell_in_container"))), Object.class);

            assertThat(found.hits().hits()).extracting(h -> h.id()).containsExactly("1");
        }
    }
}
