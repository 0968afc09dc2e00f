package io.palisade.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.junit.jupiter.api.Test;

class OpsServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthFollowsTheProcessAndMetricsAreServedAsPrometheusText() throws Exception {
        AtomicBoolean healthy = new AtomicBoolean(true);
        try (Metrics metrics = new Metrics()) {
            MetricName sent = metrics.metricName("records-sent", "sink", Map.of("sink", "elastic\"search"));
            metrics.sensor("s").add(sent, new CumulativeSum());
            metrics.sensor("s").record(3);

            try (OpsServer ops = OpsServer.start(new InetSocketAddress("127.0.0.1", 0),
                    () -> new OpsServer.Health(healthy.get(), "kafka-streams RUNNING"),
                    () -> KafkaMetricsText.render("palisade_test_", metrics.metrics()))) {
                HttpResponse<String> up = get(ops, "/health");
                healthy.set(false);
                HttpResponse<String> down = get(ops, "/health");
                HttpResponse<String> scraped = get(ops, "/metrics");

                assertThat(up.statusCode()).isEqualTo(200);
                assertThat(up.body()).startsWith("UP kafka-streams RUNNING");
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(scraped.body()).contains("palisade_test_sink_records_sent{sink=\"elastic\\\"search\"} 3.0\n");
            }
        }
    }

    private HttpResponse<String> get(OpsServer ops, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
