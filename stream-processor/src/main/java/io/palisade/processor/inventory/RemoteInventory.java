package io.palisade.processor.inventory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another processor instance (by its {@code application.server}) for what its local stores hold, with
 * {@code local=true} so it does not fan out again. An instance that does not answer in time, or answers 503, makes
 * the whole fleet answer unavailable: a partial fleet would silently look complete.
 */
final class RemoteInventory {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json;

    RemoteInventory(ObjectMapper json) {
        this.json = json;
    }

    List<ContainerView> containers(HostInfo instance, ContainerQuery query) {
        return get(instance, "/inventory/containers?" + query.localQueryString(), ContainerList.class)
                .orElseThrow(() -> unavailable(instance, "404 for the container list")).containers();
    }

    Optional<ContainerView> container(HostInfo instance, String id) {
        return get(instance, "/inventory/containers/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "?"
                + QueryParameters.LOCAL + "=true", ContainerView.class);
    }

    List<HostView> hosts(HostInfo instance, HostQuery query) {
        return get(instance, "/inventory/hosts?" + query.localQueryString(), HostList.class)
                .orElseThrow(() -> unavailable(instance, "404 for the host list")).hosts();
    }

    private <T> Optional<T> get(HostInfo instance, String pathAndQuery, Class<T> type) {
        URI uri = URI.create("http://" + instance.host() + ":" + instance.port() + pathAndQuery);
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return switch (response.statusCode()) {
                case 200 -> Optional.of(json.readValue(response.body(), type));
                case 404 -> Optional.empty();
                default -> throw unavailable(instance, "answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8).strip());
            };
        } catch (IOException e) {
            throw new InventoryUnavailableException("processor instance " + instance.host() + ":" + instance.port()
                    + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InventoryUnavailableException("interrupted while asking " + instance, e);
        }
    }

    private static InventoryUnavailableException unavailable(HostInfo instance, String what) {
        return new InventoryUnavailableException("processor instance " + instance.host() + ":" + instance.port()
                + " " + what);
    }
}
