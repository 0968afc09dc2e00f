package io.palisade.devstack.servers.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * Entry point of the devstack's child JVM for a single-node KRaft broker.
 *
 * <p>It formats the log directory on first start (what {@code kafka-storage.sh format} does) and starts the broker in
 * the same JVM, which saves the two seconds a separate format JVM costs. It prints {@link #READY} on standard output
 * once the broker is serving, so the parent does not depend on the broker's log wording.
 */
public final class KafkaBrokerMain {

    /** The line the parent waits for. */
    public static final String READY = "palisade-devstack: kafka ready";

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: KafkaBrokerMain <server.properties>");
            System.exit(2);
        }
        Path propertiesFile = Path.of(args[0]);
        Properties properties = load(propertiesFile);
        formatStorageOnce(propertiesFile, Path.of(properties.getProperty("log.dirs")));

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "kafka-shutdown"));
        server.startup();
        System.out.println(READY);
        System.out.flush();
        server.awaitShutdown();
    }

    private static void formatStorageOnce(Path propertiesFile, Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        String[] format = {"format", "-t", Uuid.randomUuid().toString(), "-c", propertiesFile.toString()};
        int exitCode = StorageTool.execute(format, System.out);
        if (exitCode != 0) {
            throw new IllegalStateException("formatting " + logDir + " failed with exit code " + exitCode);
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
