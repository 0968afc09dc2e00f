package io.palisade.devstack.servers.elasticsearch;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.apache.logging.log4j.LogManager;
import org.elasticsearch.action.admin.cluster.health.ClusterHealthResponse;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.core.TimeValue;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;

/**
 * Entry point of the devstack's child JVM for a single-node Elasticsearch cluster.
 *
 * <p>Arguments: {@code --home DIR --http-port N --transport-port N [--node-name NAME]}. Everything the node keeps lives
 * under {@code DIR}: {@code data/} (indices and cluster state, reused when the node starts again on the same home),
 * {@code logs/}, and what this class rewrites on every start: {@code config/log4j2.properties},
 * {@code modules/transport-netty4/} and {@code lib/native/}. The node binds 127.0.0.1 only.
 *
 * <p>This replaces {@code org.elasticsearch.bootstrap.Elasticsearch}, which expects the distribution's CLI launcher on
 * the other end of standard input. It leaves out what that class does for production: entitlements (the JVM agent
 * that sandboxes the server, so no system property is needed to turn it off), native system-call filters and memory
 * locking, and the refusal to run as root. It prints {@link #READY} on standard output once the node serves HTTP and
 * every existing index has its primary shards again, and stops the node cleanly on SIGTERM.
 *
 * <p>The command line, with {@code MODULE_PATH} the jars listed in {@link #MODULE_PATH_RESOURCE} and
 * {@code THIS_MODULE} this module's jar or classes directory:
 * <pre>
 * java -Xms512m -Xmx512m
 *      --enable-native-access=org.elasticsearch.nativeaccess,org.elasticsearch.foreign,org.apache.lucene.core
 *      --module-path MODULE_PATH --add-modules ALL-MODULE-PATH -cp THIS_MODULE
 *      io.palisade.devstack.servers.elasticsearch.ElasticsearchNodeMain --home DIR --http-port N --transport-port N
 * </pre>
 * The server jars must be on the module path: the server reads its qualified exports from the boot layer's modules.
 * Netty and the transport-netty4 plugin must not be, since the node loads that bundle into a module layer of its own.
 */
public final class ElasticsearchNodeMain {

    /** The line the parent waits for. */
    public static final String READY = "palisade-devstack: elasticsearch ready";

    private static final String RESOURCES = "io/palisade/devstack/servers/elasticsearch/";
    /** The server's jars, joined with the path separator, for the child's {@code --module-path}. */
    public static final String MODULE_PATH_RESOURCE = RESOURCES + "module-path.classpath";
    /** The transport-netty4 plugin jar and netty's jars, likewise; this class copies them into the home. */
    public static final String NETTY4_PLUGIN_RESOURCE = RESOURCES + "netty4-plugin.classpath";

    private static final Set<String> OPTIONS = Set.of("--home", "--http-port", "--transport-port", "--node-name");
    private static final String CLUSTER_NAME = "palisade-devstack";
    /** Where Linux distributions (and Homebrew) install zstd's shared library. */
    private static final List<String> ZSTD_CANDIDATES = List.of(
            "/usr/lib/x86_64-linux-gnu/libzstd.so.1", "/usr/lib/aarch64-linux-gnu/libzstd.so.1",
            "/usr/lib64/libzstd.so.1", "/usr/lib/libzstd.so.1", "/opt/homebrew/lib/libzstd.1.dylib");
    private static final String NETTY4_DESCRIPTOR = "META-INF/es-plugins/transport-netty4/plugin-descriptor.properties";
    /** How long the primaries of the indices kept in {@code data/} may take to recover before start-up fails. */
    private static final TimeValue RECOVERY_TIMEOUT = TimeValue.timeValueSeconds(60);

    private ElasticsearchNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path home = Path.of(required(options, "--home")).toAbsolutePath();
        String nodeName = options.getOrDefault("--node-name", "palisade-devstack");

        // log4j's own shutdown hook would stop logging while the node is still closing; stop() ends logging last.
        System.setProperty("log4j.shutdownHookEnabled", "false");
        System.setProperty("log4j2.disable.jmx", "true");
        // What the distribution's JVM options set for netty; without noUnsafe, JDK 24+ warns about sun.misc.Unsafe.
        System.setProperty("io.netty.noUnsafe", "true");
        System.setProperty("io.netty.noKeySetOptimization", "true");
        System.setProperty("io.netty.recycler.maxCapacityPerThread", "0");
        // LogConfigurator.configure points System.out at a logger; the ready line must reach the real stdout.
        PrintStream stdout = System.out;

        prepareHome(home);
        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("cluster.name", CLUSTER_NAME)
                .put("node.name", nodeName)
                .put("network.host", "127.0.0.1")
                .put("http.port", required(options, "--http-port"))
                .put("transport.port", required(options, "--transport-port"))
                // No master election, and bootstrap checks (vm.max_map_count, file descriptors...) only warn.
                .put("discovery.type", "single-node")
                // A nearly full disk on a dev machine must not make indices read-only or leave shards unassigned.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();

        LogConfigurator.registerErrorListener();
        // Elasticsearch's logging facade must be bound before reading settings, which already logs.
        LogConfigurator.configureESLogging();
        LogConfigurator.setClusterName(CLUSTER_NAME);
        LogConfigurator.setNodeName(nodeName);
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
                settings, Map.of(), home.resolve("config"), () -> nodeName);
        LogConfigurator.configure(environment, true);

        PluginsLoader plugins = PluginsLoader.createPluginsLoader(
                PluginsLoader.loadModulesBundles(environment.modulesDir(), false), Set.of(), Map.of());
        Node node = new Node(environment, plugins);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node, stopped), "elasticsearch-shutdown"));
        node.start();
        awaitPrimaries(node);
        stdout.println(READY);
        stdout.flush();
        // Every Elasticsearch thread is a daemon: this one keeps the JVM alive until the shutdown hook has run.
        stopped.await();
    }

    /** Lays out the home: the transport-netty4 module bundle, the log4j configuration and the data and logs dirs. */
    private static void prepareHome(Path home) throws IOException {
        Path netty4 = home.resolve("modules/transport-netty4");
        deleteRecursively(netty4);
        Files.createDirectories(netty4);
        for (String jar : resource(NETTY4_PLUGIN_RESOURCE).trim().split(File.pathSeparator)) {
            Path source = Path.of(jar);
            Files.copy(source, netty4.resolve(source.getFileName()));
            if (source.getFileName().toString().startsWith("transport-netty4-")) {
                // The Maven artifact carries the descriptor that the distribution puts next to the jars.
                try (JarFile plugin = new JarFile(source.toFile());
                     InputStream descriptor = plugin.getInputStream(plugin.getEntry(NETTY4_DESCRIPTOR))) {
                    Files.copy(descriptor, netty4.resolve("plugin-descriptor.properties"));
                }
            }
        }
        Path config = Files.createDirectories(home.resolve("config"));
        try (InputStream log4j = resourceStream(RESOURCES + "log4j2.properties")) {
            Files.copy(log4j, config.resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));
        enableNativeAccess(Files.createDirectories(home.resolve("lib/native")));
    }

    /**
     * Gives Elasticsearch's native access the system's libzstd in place of the one the distribution bundles (which is
     * not on Maven Central). Without it native access is off, and indices that compress stored fields with zstd
     * ({@code index.codec: best_compression}, logsdb, time series) fail their first flush. The distribution's SIMD
     * vector library is not on Maven Central either; native access only loads when told not to look for it.
     */
    private static void enableNativeAccess(Path nativeLibs) throws IOException {
        Path link = nativeLibs.resolve(System.mapLibraryName("zstd"));
        Files.deleteIfExists(link);
        Optional<Path> zstd = ZSTD_CANDIDATES.stream().map(Path::of).filter(Files::exists).findFirst();
        if (zstd.isPresent()) {
            Files.createSymbolicLink(link, zstd.get());
        }
        System.setProperty("es.nativelibs.path", nativeLibs.toString());
        System.setProperty("org.elasticsearch.nativeaccess.enableVectorLibrary", "false");
    }

    /**
     * Waits for yellow health, so that indices from an earlier run are searchable once {@link #READY} is printed
     * (a single node never gets replicas, so yellow is as good as it gets for an index with replicas).
     */
    private static void awaitPrimaries(Node node) {
        ClusterHealthResponse health = node.client().admin().cluster()
                .prepareHealth(RECOVERY_TIMEOUT)
                .setWaitForYellowStatus()
                .setTimeout(RECOVERY_TIMEOUT)
                .get();
        if (health.isTimedOut()) {
            throw new IllegalStateException("indices in the data directory did not recover within " + RECOVERY_TIMEOUT
                    + ": cluster health " + health.getStatus());
        }
    }

    /** What {@code org.elasticsearch.bootstrap.Elasticsearch} does on shutdown. */
    private static void stop(Node node, CountDownLatch stopped) {
        try {
            node.prepareForClose();
            node.close();
            if (!node.awaitClose(10, TimeUnit.SECONDS)) {
                LogManager.getLogger(ElasticsearchNodeMain.class).warn("node did not stop within 10 s");
            }
        } catch (IOException | RuntimeException e) {
            LogManager.getLogger(ElasticsearchNodeMain.class).error("failure while stopping the node", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            LogManager.shutdown();
            stopped.countDown();
        }
    }

    private static Map<String, String> options(String[] args) {
        if (args.length % 2 != 0) {
            usage();
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                usage();
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            usage();
        }
        return value;
    }

    private static void usage() {
        System.err.println("usage: ElasticsearchNodeMain --home DIR --http-port N --transport-port N [--node-name NAME]");
        System.exit(2);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = resourceStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream resourceStream(String name) {
        InputStream in = ElasticsearchNodeMain.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return in;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.notExists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
