package io.palisade.devstack.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;

import io.palisade.devstack.ElasticsearchNode;
import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.ManagedServer;
import io.palisade.devstack.S3Server;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests real servers as parameters: {@link KafkaBroker}, {@link ElasticsearchNode},
 * {@link S3Server}.
 *
 * <p>Each server is started the first time a test asks for it and shared by every later test in the same JVM (it
 * lives in the root store, which JUnit closes when the run ends), so a module's integration tests pay each start-up
 * once. A test that stopped or killed a server and failed before starting it again does not break the next test:
 * the server is started again when next asked for.
 *
 * <p>Logs go to the directory named by the system property {@code palisade.devstack.logs} (the build sets it to
 * {@code target/devstack-logs}).
 */
public final class DevStackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DevStackExtension.class);

    private static final Map<Class<?>, BiFunction<Path, Path, ManagedServer>> SERVERS = Map.of(
            KafkaBroker.class, KafkaBroker::new,
            ElasticsearchNode.class, ElasticsearchNode::new,
            S3Server.class, S3Server::new);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return SERVERS.containsKey(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        ManagedServer server = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(type, this::create, ManagedServer.class);
        server.start();
        return server;
    }

    private ManagedServer create(Class<?> type) {
        try {
            Path workDir = Files.createTempDirectory("palisade-it-" + type.getSimpleName().toLowerCase() + "-");
            Path logDir = Path.of(System.getProperty("palisade.devstack.logs", "target/devstack-logs"));
            return SERVERS.get(type).apply(workDir, logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
