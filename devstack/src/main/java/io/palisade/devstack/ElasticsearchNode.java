package io.palisade.devstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real single-node Elasticsearch 9 cluster. The server jars run on the module path of a child JVM, as
 * Elasticsearch requires; see the {@code devstack/servers/elasticsearch} module for how the node is booted.
 *
 * <p>Not every Elasticsearch feature is there: the rest-root, ingest and painless modules are not published to Maven
 * Central, so {@code GET /} answers 405 and ingest pipelines and scripts are unavailable. Palisade needs neither.
 */
public final class ElasticsearchNode extends ManagedServer {

    private static final String RUNTIME = "io/palisade/devstack/servers/elasticsearch/";
    private static final String READY = "palisade-devstack: elasticsearch ready";

    private final int httpPort = FreePorts.next();
    private final int transportPort = FreePorts.next();

    public ElasticsearchNode(Path workDir, Path logDir) {
        super("elasticsearch", workDir, logDir, Duration.ofSeconds(150));
    }

    /** The HTTP endpoint, e.g. for {@code co.elastic.clients} or curl. */
    public URI httpUrl() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    @Override
    protected JavaCommand command() {
        return new JavaCommand(
                List.of("-Xms512m", "-Xmx512m",
                        // Lucene and Elasticsearch call native code (zstd, mmap); say so, rather than be warned.
                        "--enable-native-access=org.elasticsearch.nativeaccess,org.elasticsearch.foreign,"
                                + "org.apache.lucene.core"),
                RuntimeClasspath.read(RUNTIME + "module-path.classpath"),
                List.of(RuntimeClasspath.codeSourceOf(RUNTIME + "module-path.classpath")),
                "io.palisade.devstack.servers.elasticsearch.ElasticsearchNodeMain",
                List.of("--home", workDir().toString(),
                        "--http-port", Integer.toString(httpPort),
                        "--transport-port", Integer.toString(transportPort)));
    }

    /**
     * The launcher prints its ready line once the cluster is at least yellow: a restarted node has then recovered its
     * shards, whereas {@code /_cluster/health} already answers (red) the moment HTTP binds.
     */
    @Override
    protected boolean isReady(String output) {
        return output.contains(READY);
    }
}
