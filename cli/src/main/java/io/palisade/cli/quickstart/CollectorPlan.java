package io.palisade.cli.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.palisade.collector.agent.CollectorConfig;
import io.palisade.collector.file.FileIntegritySettings;

/**
 * The collector the quickstart runs on this host: every source that can work here, its spool and file-integrity
 * baseline under the data directory, and one note per source turned off or degraded, saying why. Besides the usual
 * paths, the file-integrity source watches {@link #selftestDirectory the data directory's selftest directory}, where
 * {@code palisade selftest} changes files (authorized_keys, a setuid bit) without touching the host's own.
 *
 * @param config the collector configuration
 * @param notes  what is off or degraded and why, for the user
 */
public record CollectorPlan(CollectorConfig config, List<String> notes) {

    /**
     * Where {@code palisade selftest} changes files the quickstart's file-integrity source watches.
     *
     * @param dataDir the quickstart's data directory
     */
    public static Path selftestDirectory(Path dataDir) {
        return dataDir.resolve("selftest").toAbsolutePath().normalize();
    }

    /**
     * Plans the collector and creates the {@link #selftestDirectory selftest directory}: the file source only
     * watches roots that exist when it starts.
     *
     * @param bootstrapServers  the quickstart's Kafka
     * @param dataDir           the quickstart's data directory
     * @param dockerUnavailable why no Docker Engine answers (empty when one does)
     * @param root              whether this process runs as root
     */
    public static CollectorPlan forHost(String bootstrapServers, Path dataDir, Optional<String> dockerUnavailable,
                                        boolean root) {
        Map<String, String> settings = new HashMap<>();
        List<String> notes = new ArrayList<>();
        settings.put("kafka.bootstrap_servers", bootstrapServers);
        settings.put("publish.spool_dir", dataDir.resolve("spool").toString());
        settings.put("sources.file.state_dir", dataDir.resolve("fim").toString());
        settings.put("sources.file.paths", String.join(",", FileIntegritySettings.DEFAULT_PATHS) + ","
                + createSelftestDirectory(dataDir));
        dockerUnavailable.ifPresent(reason -> {
            for (String source : List.of("container", "drift", "stats", "host")) {
                settings.put("sources." + source + ".enabled", "false");
            }
            notes.add("container, drift, stats and host (daemon posture) sources: off, " + reason);
        });
        if (!root) {
            // The netlink proc connector needs CAP_NET_ADMIN; /proc polling works for everyone (short-lived
            // processes may be missed).
            settings.put("sources.process.backend", "proc");
            notes.add("process source: /proc polling, not root (the netlink proc connector needs root)");
            notes.add("file-integrity source: files only root can read (e.g. /root/.ssh) are not watched, not root");
        }
        CollectorConfig config = CollectorConfig.binder().load(Optional.empty(), Map.of(), settings);
        return new CollectorPlan(config, List.copyOf(notes));
    }

    private static Path createSelftestDirectory(Path dataDir) {
        Path directory = selftestDirectory(dataDir);
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the selftest directory " + directory, e);
        }
    }
}
