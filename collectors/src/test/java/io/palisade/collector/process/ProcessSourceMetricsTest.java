package io.palisade.collector.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.palisade.collector.CollectorIdentity;
import io.palisade.schema.Agent;
import io.palisade.schema.Host;
import org.junit.jupiter.api.Test;

class ProcessSourceMetricsTest {

    @Test
    void execsLostAreCountedByWhereTheyWereLost() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ProcessSource source = new ProcessSource(new CollectorIdentity(
                Host.newBuilder().setName("node-1").setId("machine-1").build(),
                Agent.newBuilder().setId("agent-1").setVersion("test").build()), ProcessSettings.defaults());

        source.bindTo(registry);

        assertThat(registry.scrape()).contains(
                "palisade_collector_events_lost_total{reason=\"queue_full\",source=\"process\"} 0.0\n",
                "palisade_collector_events_lost_total{reason=\"kernel_overrun\",source=\"process\"} 0.0\n");
    }
}
