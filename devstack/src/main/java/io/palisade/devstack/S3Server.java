package io.palisade.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * A real S3-compatible server: S3Proxy on the filesystem back end, with AWS v2/v4 signatures checked against the
 * credentials below. Clients must use path-style addressing.
 */
public final class S3Server extends ManagedServer {

    private static final String RUNTIME = "io/palisade/devstack/servers/s3proxy/runtime.classpath";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final int port = FreePorts.next();
    private final String accessKey = "palisade";
    private final String secretKey = UUID.randomUUID().toString();

    public S3Server(Path workDir, Path logDir) {
        super("s3proxy", workDir, logDir, Duration.ofSeconds(60));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** S3Proxy accepts any region in signatures; clients still need one. */
    public String region() {
        return "us-east-1";
    }

    @Override
    protected JavaCommand command() {
        Properties p = new Properties();
        p.setProperty("s3proxy.endpoint", endpoint().toString());
        p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        p.setProperty("s3proxy.identity", accessKey);
        p.setProperty("s3proxy.credential", secretKey);
        p.setProperty("jclouds.provider", "filesystem-nio2");
        p.setProperty("jclouds.filesystem.basedir", workDir().resolve("blobs").toString());
        Path file = workDir().resolve("s3proxy.conf");
        try {
            Files.createDirectories(workDir().resolve("blobs"));
            try (Writer writer = Files.newBufferedWriter(file)) {
                p.store(writer, "written by the Palisade devstack");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JavaCommand(List.of("-Xmx256m"), List.of(), RuntimeClasspath.read(RUNTIME),
                "org.gaul.s3proxy.Main", List.of("--properties", file.toString()));
    }

    /** Any HTTP answer (S3Proxy says 403 to an unsigned request) means it is serving. */
    @Override
    protected boolean isReady(String output) {
        try {
            HTTP.send(HttpRequest.newBuilder(endpoint()).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
