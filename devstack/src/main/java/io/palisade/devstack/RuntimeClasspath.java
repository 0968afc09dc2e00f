package io.palisade.devstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the jar lists that the {@code devstack/servers/*} modules write at build time.
 *
 * <p>Each server runtime declares its jars as {@code provided} dependencies, so they never mix with Palisade's own
 * class path (Kafka's broker, Elasticsearch and S3Proxy each pin different Jackson, Log4j and Netty versions), and
 * the build writes their resolved paths into a resource. The child JVM is then started on exactly those jars.
 */
final class RuntimeClasspath {

    private RuntimeClasspath() {
    }

    /** The jar paths listed in {@code resource}, each checked to exist. */
    static List<Path> read(String resource) {
        URL url = resourceUrl(resource);
        String text;
        try (InputStream in = url.openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
        List<Path> jars = new ArrayList<>();
        Arrays.stream(text.split(File.pathSeparator)).map(String::trim).filter(s -> !s.isEmpty())
                .map(Path::of).forEach(jars::add);
        List<Path> missing = jars.stream().filter(p -> !Files.exists(p)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("devstack runtime " + resource + " lists jars that are not there "
                    + "(was the local Maven repository cleaned? run ./mvnw install -DskipTests), e.g. " + missing.getFirst());
        }
        return jars;
    }

    /** The jar or classes directory that holds {@code resource}: the runtime module's own code, e.g. its main class. */
    static Path codeSourceOf(String resource) {
        URL url = resourceUrl(resource);
        try {
            if ("jar".equals(url.getProtocol())) {
                return Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
            }
            Path file = Path.of(url.toURI());
            int depth = resource.split("/").length;
            Path root = file;
            for (int i = 0; i < depth; i++) {
                root = root.getParent();
            }
            return root;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot locate the code source of " + url, e);
        }
    }

    private static URL resourceUrl(String resource) {
        URL url = RuntimeClasspath.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("devstack runtime resource " + resource + " is not on the class path; "
                    + "build the devstack/servers modules first (./mvnw install -DskipTests)");
        }
        return url;
    }
}
