package io.palisade.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.palisade.devstack.DevStack;
import io.palisade.devstack.ManagedServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code palisade devstack}: starts the real local servers (Kafka, Elasticsearch, S3Proxy), prints where they listen
 * and how long each took to start, and keeps them up until Ctrl-C.
 */
@Command(name = "devstack",
        mixinStandardHelpOptions = true,
        description = "Start a real local Kafka broker, Elasticsearch node and S3-compatible store (S3Proxy) as child "
                + "JVMs on free loopback ports, print their endpoints and start-up times, and keep them running until "
                + "Ctrl-C.")
final class DevStackCommand implements Callable<Integer> {

    @Option(names = "--logs", defaultValue = ".palisade/logs",
            description = "Directory for the servers' logs (default: ${DEFAULT-VALUE}).")
    private Path logDir;

    @Option(names = "--stop-after-start",
            description = "Stop the servers as soon as all three are ready (measures start-up time).")
    private boolean stopAfterStart;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = System.out;
        out.println("Starting Kafka, Elasticsearch and S3Proxy (logs in " + logDir.toAbsolutePath() + ") ...");
        DevStack stack = DevStack.inTemporaryDirectory(logDir);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stopOnExit = new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "devstack-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        stack.start();

        for (ManagedServer server : stack.servers()) {
            out.printf(Locale.ROOT, "  %-14s ready in %5.1f s   log %s%n", server.name(),
                    server.lastStartupTime().toMillis() / 1000.0, server.logFile());
        }
        out.printf(Locale.ROOT, "All three ready in %.1f s (started in parallel).%n%n", stack.startupTime().toMillis() / 1000.0);
        out.println("  Kafka bootstrap servers  " + stack.kafka().bootstrapServers());
        out.println("  Elasticsearch            " + stack.elasticsearch().httpUrl() + "  (try: curl "
                + stack.elasticsearch().httpUrl() + "/_cluster/health)");
        out.println("  S3 endpoint (path-style) " + stack.s3().endpoint() + "  access key " + stack.s3().accessKey()
                + "  secret key " + stack.s3().secretKey() + "  region " + stack.s3().region());
        out.println();
        if (stopAfterStart) {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            stack.close();
            return 0;
        }
        out.println("This starts the servers only; collectors, processor and sinks are not running yet. Ctrl-C stops.");
        stopped.await();
        return 0;
    }
}
