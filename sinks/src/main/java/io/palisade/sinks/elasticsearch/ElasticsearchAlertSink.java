package io.palisade.sinks.elasticsearch;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.palisade.sinks.AlertSink;
import io.palisade.sinks.SinkRecord;
import io.palisade.sinks.WriteResult;

/**
 * Writes alerts to Elasticsearch with {@code _bulk}: each alert is indexed into its day's index
 * ({@link AlertIndex}) under its own id, so redelivery rewrites the same document and a suppressed repeat (same id,
 * higher count, later last_seen) replaces it. Installs {@link AlertIndexTemplate} before the first write.
 */
public final class ElasticsearchAlertSink implements AlertSink {

    private final ElasticsearchClient client;

    /** @param client closed by {@link #close()} */
    public ElasticsearchAlertSink(ElasticsearchClient client) {
        this.client = client;
    }

    /** A sink talking to the node or cluster at {@code url}, e.g. {@code http://127.0.0.1:9200}. */
    public static ElasticsearchAlertSink connect(URI url) {
        return connect(ElasticsearchConnection.of(url));
    }

    /** A sink for {@code connection}: with its credentials and, for https, its CA. */
    public static ElasticsearchAlertSink connect(ElasticsearchConnection connection) {
        return new ElasticsearchAlertSink(connection.client());
    }

    @Override
    public void prepare() throws IOException {
        AlertIndexTemplate.install(client);
    }

    @Override
    public WriteResult write(List<SinkRecord> records) throws IOException {
        List<WriteResult.Failure> failures = new ArrayList<>();
        List<SinkRecord> sent = new ArrayList<>();
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (SinkRecord record : records) {
            try {
                Map<String, Object> document = AlertDocument.of(record.alert());
                bulk.operations(op -> op.index(i -> i.index(AlertIndex.of(record.alert()))
                        .id(record.alert().getId()).document(document)));
                sent.add(record);
            } catch (RuntimeException e) {
                failures.add(new WriteResult.Failure(record, "cannot build document: " + e.getMessage(),
                        e.getClass().getName(), false));
            }
        }
        if (!sent.isEmpty()) {
            failures.addAll(itemFailures(sent, client.bulk(bulk.build())));
        }
        return new WriteResult(failures);
    }

    /** Bulk items answer in request order, each with its own status. */
    private static List<WriteResult.Failure> itemFailures(List<SinkRecord> sent, BulkResponse response) {
        if (!response.errors()) {
            return List.of();
        }
        List<WriteResult.Failure> failures = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            BulkResponseItem item = response.items().get(i);
            if (item.error() != null) {
                failures.add(new WriteResult.Failure(sent.get(i),
                        item.status() + " " + item.error().type() + ": " + item.error().reason(),
                        item.error().type(), ElasticsearchErrors.isRetriableStatus(item.status())));
            }
        }
        return failures;
    }

    @Override
    public boolean isRetriable(Throwable error) {
        return ElasticsearchErrors.isRetriable(error);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
