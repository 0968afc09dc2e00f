package io.palisade.sinks.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/**
 * How to reach Elasticsearch: the URL, at most one way to authenticate (user and password, or an API key) and, for
 * a cluster whose certificate is not signed by a CA the JVM trusts (Elasticsearch's own self-signed CA), the CA
 * certificate file (PEM) to trust instead. Validated at construction, reporting every problem at once; secrets
 * never appear in messages or in {@link #toString()}.
 *
 * @param url      e.g. {@code https://127.0.0.1:9200}; required
 * @param username basic-auth user, with {@code password}
 * @param password basic-auth password
 * @param apiKey   an encoded API key ({@code id:key} base64, as Elasticsearch returns it), instead of a user
 * @param caFile   PEM file of the CA certificate(s) to trust for https; {@code null} trusts the JVM's CAs
 */
public record ElasticsearchConnection(URI url, String username, String password, String apiKey, Path caFile) {

    public ElasticsearchConnection {
        List<String> problems = new ArrayList<>();
        if (url == null || url.getScheme() == null || url.getHost() == null) {
            problems.add("url must be a URL such as https://127.0.0.1:9200, not " + url);
        }
        if ((username == null) != (password == null)) {
            problems.add("username and password go together: set both or neither");
        }
        if (username != null && apiKey != null) {
            problems.add("set username and password or api_key, not both");
        }
        if (caFile != null && !Files.isReadable(caFile)) {
            problems.add("ca_file " + caFile + " cannot be read");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid Elasticsearch settings: " + String.join("; ", problems));
        }
    }

    /** A connection without authentication or custom CA, e.g. to a local development node. */
    public static ElasticsearchConnection of(URI url) {
        return new ElasticsearchConnection(url, null, null, null, null);
    }

    /** A client for this connection; the caller closes it. */
    ElasticsearchClient client() {
        return ElasticsearchClient.of(b -> {
            b.host(url);
            if (username != null) {
                b.usernameAndPassword(username, password);
            }
            if (apiKey != null) {
                b.apiKey(apiKey);
            }
            if (caFile != null) {
                b.sslContext(trusting(caFile));
            }
            return b;
        });
    }

    private static SSLContext trusting(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ca_file " + caFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("ca_file " + caFile + " holds no usable CA certificate: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "ElasticsearchConnection[url=" + url + ", username=" + username + ", password="
                + (password == null ? "null" : "<redacted>") + ", apiKey=" + (apiKey == null ? "null" : "<redacted>")
                + ", caFile=" + caFile + "]";
    }
}
