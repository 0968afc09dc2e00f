package io.palisade.sinks.elasticsearch;

import java.io.IOException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;

/**
 * The one classification of Elasticsearch errors: throttling (429), server errors (5xx) and I/O (node down,
 * connection reset, timeout) are retried; every other answer (401/403 credentials, 400 mapping, 404...) is
 * permanent.
 */
public final class ElasticsearchErrors {

    private ElasticsearchErrors() {
    }

    public static boolean isRetriable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case ElasticsearchException e -> {
                    return isRetriableStatus(e.status());
                }
                // An HTTP answer the client could not turn into an Elasticsearch error (e.g. a proxy's 502).
                case TransportException e when e.statusCode() > 0 -> {
                    return isRetriableStatus(e.statusCode());
                }
                case IOException e -> {
                    return true;
                }
                default -> {
                    // look further down the chain
                }
            }
        }
        return false;
    }

    /** For an HTTP status, of a whole request or of one bulk item. */
    public static boolean isRetriableStatus(int status) {
        return status == 429 || status >= 500;
    }
}
