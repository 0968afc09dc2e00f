package io.palisade.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.palisade.cli.ops.OpsServer;
import io.palisade.schema.Severity;
import io.palisade.sinks.ConfiguredSink;
import io.palisade.sinks.SinkSettings;
import io.palisade.sinks.SinksApp;
import io.palisade.sinks.elasticsearch.ElasticsearchAlertSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code palisade sinks}: delivers palisade.alerts to the configured destinations, one consumer group per sink so a
 * slow or broken destination never holds up another.
 */
@Command(name = "sinks", mixinStandardHelpOptions = true,
        description = "Deliver alerts from palisade.alerts to Elasticsearch (more destinations to come), one consumer "
                + "group per sink; offsets are committed only after a destination stored the alerts.")
final class SinksCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SinksCommand.class);

    @Mixin
    private ServiceOptions service;

    @Option(names = "--elasticsearch", required = true, defaultValue = "${env:PALISADE_ELASTICSEARCH_URL}",
            description = "Elasticsearch URL, e.g. http://127.0.0.1:9200 (env PALISADE_ELASTICSEARCH_URL).")
    private URI elasticsearchUrl;

    @Option(names = "--elasticsearch-min-severity", defaultValue = "DEBUG",
            description = "Lowest severity indexed: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    private Severity elasticsearchMinimum;

    @Override
    public Integer call() throws InterruptedException {
        ConfiguredSink elasticsearch = new ConfiguredSink(
                SinkSettings.defaults("elasticsearch").withMinimumSeverity(elasticsearchMinimum),
                ElasticsearchAlertSink.connect(elasticsearchUrl));
        Map<String, Object> kafka = service.kafkaClientProperties();
        try (SinksApp app = SinksApp.start(kafka, List.of(elasticsearch));
             OpsServer ops = OpsServer.start(service.opsAddress(9465),
                     () -> app.failures().isEmpty()
                             ? new OpsServer.Health(true, "all sinks running")
                             : new OpsServer.Health(false, "stopped: " + app.failures()),
                     () -> "")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(app), "sinks-stop"));
            LOG.atInfo().addKeyValue("bootstrap_servers", service.bootstrapServers)
                    .addKeyValue("elasticsearch", elasticsearchUrl)
                    .addKeyValue("ops", "http://127.0.0.1:" + ops.port()).log("sinks started");
            app.awaitStopped();
            app.failures().forEach(failure -> LOG.atError().setCause(failure).log("sink stopped"));
            return app.failures().isEmpty() ? 0 : 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(SinksApp app) {
        try {
            app.close();
        } catch (IOException e) {
            LOG.atWarn().setCause(e).log("sinks did not close cleanly");
        }
    }
}
