package io.palisade.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one JVM), as in production minus
 * replication: every internal topic has replication factor 1.
 */
public final class KafkaBroker extends ManagedServer {

    private static final String RUNTIME = "io/palisade/devstack/servers/kafka/";
    private static final String READY = "palisade-devstack: kafka ready";

    private final int brokerPort = FreePorts.next();
    private final int controllerPort = FreePorts.next();

    public KafkaBroker(Path workDir, Path logDir) {
        super("kafka", workDir, logDir, Duration.ofSeconds(120));
    }

    /** The {@code bootstrap.servers} value for clients. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    @Override
    protected JavaCommand command() {
        Path properties = writeServerProperties();
        Path log4j = copyResource(RUNTIME + "log4j2.properties", workDir().resolve("log4j2.properties"));
        List<Path> classPath = new ArrayList<>();
        classPath.add(RuntimeClasspath.codeSourceOf(RUNTIME + "runtime.classpath"));
        classPath.addAll(RuntimeClasspath.read(RUNTIME + "runtime.classpath"));
        return new JavaCommand(
                List.of("-Xms256m", "-Xmx512m", "-Dlog4j2.configurationFile=" + log4j),
                List.of(), classPath, "io.palisade.devstack.servers.kafka.KafkaBrokerMain",
                List.of(properties.toString()));
    }

    @Override
    protected boolean isReady(String output) {
        return output.contains(READY);
    }

    private Path writeServerProperties() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", workDir().resolve("data").toString());
        // One node: every internal topic lives on it alone.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions than the defaults (50) make the first consumer group and the first
        // transaction ready in a fraction of the time on two cores.
        p.setProperty("offsets.topic.num.partitions", "8");
        p.setProperty("transaction.state.log.num.partitions", "8");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Palisade creates its topics explicitly (TopicCreator); a typo must not silently create a new topic.
        p.setProperty("auto.create.topics.enable", "false");
        Path file = workDir().resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            p.store(writer, "written by the Palisade devstack");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Path copyResource(String resource, Path target) {
        try (InputStream in = KafkaBroker.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
