package io.palisade.runtime.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class OpsServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void healthFollowsTheProcess() throws Exception {
        AtomicBoolean healthy = new AtomicBoolean(true);
        try (OpsServer ops = OpsServer.start(new InetSocketAddress("127.0.0.1", 0),
                () -> new OpsServer.Health(healthy.get(), "kafka-streams RUNNING"), registry)) {
            HttpResponse<String> up = get(ops, "/health", "*/*");
            healthy.set(false);
            HttpResponse<String> down = get(ops, "/health", "*/*");

            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).startsWith("UP kafka-streams RUNNING");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).startsWith("DOWN kafka-streams RUNNING");
        }
    }

    @Test
    void metricsArePrometheusTextUnlessTheScraperAsksForOpenMetrics() throws Exception {
        Counter.builder("palisade.sink.alerts.written").tag("sink", "elastic\"search").register(registry)
                .increment(3);
        try (OpsServer ops = OpsServer.start(new InetSocketAddress("127.0.0.1", 0),
                () -> new OpsServer.Health(true, ""), registry)) {
            HttpResponse<String> text = get(ops, "/metrics", "*/*");
            HttpResponse<String> openMetrics = get(ops, "/metrics",
                    "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");

            assertThat(text.headers().firstValue("Content-Type")).hasValue(OpsServer.PROMETHEUS_TEXT);
            assertThat(text.body()).contains("# TYPE palisade_sink_alerts_written_total counter\n")
                    .contains("palisade_sink_alerts_written_total{sink=\"elastic\\\"search\"} 3.0\n")
                    .doesNotContain("# EOF");
            assertThat(openMetrics.headers().firstValue("Content-Type")).hasValue(OpsServer.OPEN_METRICS);
            assertThat(openMetrics.body()).contains("# TYPE palisade_sink_alerts_written counter\n")
                    .endsWith("# EOF\n");
        }
    }

    private HttpResponse<String> get(OpsServer ops, String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + path))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }
}
