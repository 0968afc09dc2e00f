package io.palisade.cli;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.palisade.sinks.elasticsearch.AlertIndexTemplate;
import io.palisade.sinks.kibana.KibanaImporter;
import io.palisade.sinks.kibana.KibanaSavedObjects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code palisade kibana install}: the alert index template into Elasticsearch, the dashboard into Kibana. */
@Command(name = "kibana", mixinStandardHelpOptions = true,
        description = "Kibana objects for Palisade alerts.",
        subcommands = KibanaCommand.Install.class)
final class KibanaCommand {

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Install the palisade-alerts index template into Elasticsearch, then import the data view "
                    + "and the \"Palisade alerts\" dashboard into Kibana (objects are replaced in place). "
                    + "Exit codes: 0 installed, 1 Elasticsearch or Kibana refused.")
    static final class Install implements Callable<Integer> {

        @Option(names = "--elasticsearch", required = true, defaultValue = "${env:PALISADE_ELASTICSEARCH_URL}",
                description = "Elasticsearch URL, e.g. http://127.0.0.1:9200 (env PALISADE_ELASTICSEARCH_URL).")
        private URI elasticsearchUrl;

        @Option(names = "--kibana", required = true, defaultValue = "${env:PALISADE_KIBANA_URL}",
                description = "Kibana URL with its base path, e.g. http://127.0.0.1:5601 (env PALISADE_KIBANA_URL).")
        private URI kibanaUrl;

        @Option(names = "--kibana-user", defaultValue = "${env:PALISADE_KIBANA_USER}",
                description = "Kibana user (env PALISADE_KIBANA_USER); the password comes from the environment "
                        + "variable PALISADE_KIBANA_PASSWORD only, so it never shows in the process list.")
        private String kibanaUser;

        @Override
        public Integer call() throws InterruptedException {
            try (ElasticsearchClient elasticsearch = ElasticsearchClient.of(b -> b.host(elasticsearchUrl.toString()))) {
                AlertIndexTemplate.install(elasticsearch);
            } catch (IOException | RuntimeException e) {
                return refused("Elasticsearch at " + elasticsearchUrl, e);
            }
            System.out.println("index template " + AlertIndexTemplate.NAME + " installed in " + elasticsearchUrl);
            Optional<String> authorization = Optional.ofNullable(kibanaUser).map(user -> KibanaImporter.basic(user,
                    Optional.ofNullable(System.getenv("PALISADE_KIBANA_PASSWORD")).orElse("")));
            try {
                int imported = new KibanaImporter(kibanaUrl, authorization).importSavedObjects();
                System.out.println(imported + " saved objects imported; dashboard: " + kibanaUrl
                        + "/app/dashboards#/view/" + KibanaSavedObjects.DASHBOARD_ID);
                return 0;
            } catch (IOException e) {
                return refused("Kibana at " + kibanaUrl, e);
            }
        }

        private static int refused(String what, Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getMessage() == null) {
                cause = cause.getCause();
            }
            System.err.println("palisade kibana install: " + what + " failed: " + cause);
            return 1;
        }
    }
}
