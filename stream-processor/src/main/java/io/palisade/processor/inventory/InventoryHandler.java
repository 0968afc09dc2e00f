package io.palisade.processor.inventory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes {@code GET /inventory/containers[/<id>]} and {@code GET /inventory/hosts} to the fleet inventory, or to the
 * local one for {@code ?local=true} (the fan-out requests between instances), and writes JSON: 200 with the answer,
 * 404 for an unknown container, 400 for a bad query, 405 for anything but GET, and 503 with Retry-After while the
 * stores are unavailable (rebalance, start, an instance not answering).
 */
final class InventoryHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InventoryHandler.class);

    static final String CONTAINERS_PATH = "/inventory/containers";
    static final String HOSTS_PATH = "/inventory/hosts";

    /** Seconds a client should wait before asking again after a 503; a rebalance usually settles within that. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final Inventory fleet;
    private final Inventory local;
    private final Clock clock;
    private final ObjectMapper json;

    InventoryHandler(Inventory fleet, Inventory local, Clock clock, ObjectMapper json) {
        this.fleet = fleet;
        this.local = local;
        this.clock = clock;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                respond(exchange, 405, Map.of("error", "the inventory is read-only: only GET"));
                return;
            }
            answer(exchange);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        try {
            if (path.equals(HOSTS_PATH)) {
                QueryParameters parameters = QueryParameters.parse(query, HostQuery.PARAMETERS);
                HostQuery hosts = HostQuery.of(parameters, clock.instant());
                respond(exchange, 200, HostList.of(source(parameters).hosts(hosts)));
            } else if (path.equals(CONTAINERS_PATH)) {
                QueryParameters parameters = QueryParameters.parse(query, ContainerQuery.PARAMETERS);
                respond(exchange, 200, ContainerList.of(source(parameters).containers(ContainerQuery.of(parameters))));
            } else if (path.startsWith(CONTAINERS_PATH + "/") && path.length() > CONTAINERS_PATH.length() + 1) {
                String id = URLDecoder.decode(path.substring(CONTAINERS_PATH.length() + 1), StandardCharsets.UTF_8);
                QueryParameters parameters = QueryParameters.parse(query, Set.of());
                var container = source(parameters).container(id);
                if (container.isPresent()) {
                    respond(exchange, 200, container.get());
                } else {
                    respond(exchange, 404, Map.of("error", "no container " + id + " in the inventory"));
                }
            } else {
                respond(exchange, 404, Map.of("error", "no such resource; try " + CONTAINERS_PATH + ", "
                        + CONTAINERS_PATH + "/<id> or " + HOSTS_PATH));
            }
        } catch (BadQueryException e) {
            respond(exchange, 400, Map.of("error", e.getMessage()));
        } catch (InventoryUnavailableException e) {
            LOG.atInfo().setMessage("inventory query unavailable").addKeyValue("path", path)
                    .addKeyValue("reason", e.getMessage()).log();
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            respond(exchange, 503, Map.of("error", e.getMessage(), "retryAfterSeconds", RETRY_AFTER_SECONDS));
        }
    }

    private Inventory source(QueryParameters parameters) {
        return parameters.local() ? local : fleet;
    }

    private void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
