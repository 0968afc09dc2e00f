package io.palisade.sinks.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import org.junit.jupiter.api.Test;

class ElasticsearchErrorsTest {

    @Test
    void throttlingAndServerErrorsAreRetried() {
        assertThat(ElasticsearchErrors.isRetriable(answer(429, "es_rejected_execution_exception"))).isTrue();
        assertThat(ElasticsearchErrors.isRetriable(answer(503, "unavailable_shards_exception"))).isTrue();
    }

    @Test
    void ioFailuresAreRetriedEvenWhenWrapped() {
        assertThat(ElasticsearchErrors.isRetriable(new ConnectException("Connection refused"))).isTrue();
        assertThat(ElasticsearchErrors.isRetriable(new SocketTimeoutException("Read timed out"))).isTrue();
        assertThat(ElasticsearchErrors.isRetriable(new UncheckedIOException(new IOException("reset")))).isTrue();
    }

    @Test
    void clientErrorsAndCredentialsArePermanent() {
        assertThat(ElasticsearchErrors.isRetriable(answer(400, "mapper_parsing_exception"))).isFalse();
        assertThat(ElasticsearchErrors.isRetriable(answer(401, "security_exception"))).isFalse();
        assertThat(ElasticsearchErrors.isRetriable(answer(403, "security_exception"))).isFalse();
    }

    @Test
    void programmingErrorsArePermanent() {
        assertThat(ElasticsearchErrors.isRetriable(new IllegalArgumentException("bad"))).isFalse();
    }

    @Test
    void bulkItemStatusesFollowTheSameRule() {
        assertThat(ElasticsearchErrors.isRetriableStatus(429)).isTrue();
        assertThat(ElasticsearchErrors.isRetriableStatus(500)).isTrue();
        assertThat(ElasticsearchErrors.isRetriableStatus(400)).isFalse();
        assertThat(ElasticsearchErrors.isRetriableStatus(409)).isFalse();
    }

    private static ElasticsearchException answer(int status, String type) {
        return new ElasticsearchException("bulk", ErrorResponse.of(r -> r.status(status)
                .error(e -> e.type(type).reason("test"))));
    }
}
