package io.palisade.sinks.kibana;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Imports {@link KibanaSavedObjects} into Kibana through its saved-objects API
 * ({@code POST /api/saved_objects/_import?overwrite=true}, a multipart upload of the ndjson file).
 */
public final class KibanaImporter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI kibana;
    private final Optional<String> authorization;

    /**
     * @param kibana        Kibana's base URL, e.g. {@code http://127.0.0.1:5601} (with its base path, if any)
     * @param authorization the {@code Authorization} header value, e.g. from {@link #basic}; empty for none
     */
    public KibanaImporter(URI kibana, Optional<String> authorization) {
        // URI.resolve drops the last path segment of a base without a trailing slash (and glues to the port).
        this.kibana = kibana.toString().endsWith("/") ? kibana : URI.create(kibana + "/");
        this.authorization = authorization;
    }

    /** The header value for a Kibana user and password; the password is sent, never logged. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Imports every object, replacing earlier versions of them.
     *
     * @return how many objects Kibana says it imported
     * @throws KibanaImportException when Kibana refuses the request or any object, with Kibana's reasons
     */
    public int importSavedObjects() throws IOException, InterruptedException {
        String boundary = "palisade-" + UUID.randomUUID();
        HttpRequest.Builder request = HttpRequest.newBuilder(kibana.resolve("api/saved_objects/_import?overwrite=true"))
                .timeout(Duration.ofSeconds(60))
                .header("kbn-xsrf", "palisade")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary)));
        authorization.ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new KibanaImportException("Kibana answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        if (!answer.path("success").asBoolean(false)) {
            throw new KibanaImportException("Kibana refused objects: " + answer.path("errors"));
        }
        return answer.path("successCount").asInt();
    }

    private static byte[] multipart(String boundary) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + KibanaSavedObjects.FILE_NAME + "\"\r\nContent-Type: application/ndjson\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(KibanaSavedObjects.ndjson());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** Kibana refused the import; the message carries Kibana's own reasons. */
    public static final class KibanaImportException extends IOException {
        private static final long serialVersionUID = 1L;

        KibanaImportException(String message) {
            super(message);
        }
    }
}
