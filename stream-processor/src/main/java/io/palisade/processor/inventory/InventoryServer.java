package io.palisade.processor.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The fleet inventory endpoint of a processor instance (JSON, read-only), answered from the state stores
 * palisade-inventory-containers and palisade-inventory-hosts of all instances through Kafka Streams interactive
 * queries. Every instance serves it; each must run with {@code application.server} set to the host:port the others
 * reach it at, which is how they find each other.
 *
 * <p>Bound first and served later, because the port must be known (port 0 picks one) before the
 * {@link KafkaStreams} it answers from is created with its {@code application.server}.
 */
public final class InventoryServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private InventoryServer(HttpServer server) {
        this.server = server;
    }

    /** Listens on {@code address} (port 0 picks a free one); nothing is answered until {@link #serve}. */
    public static InventoryServer bind(InetSocketAddress address) {
        try {
            return new InventoryServer(HttpServer.create(address, 0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the inventory on " + address, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Starts answering from {@code streams}, this instance being {@code self} (its {@code application.server}). */
    public void serve(KafkaStreams streams, HostInfo self) {
        ObjectMapper json = new ObjectMapper();
        LocalInventory local = new LocalInventory(streams);
        serve(new FleetInventory(streams, self, local, new RemoteInventory(json)), local, Clock.systemUTC(), json);
    }

    void serve(Inventory fleet, Inventory local, Clock clock, ObjectMapper json) {
        InventoryHandler handler = new InventoryHandler(fleet, local, clock, json);
        server.createContext(InventoryHandler.CONTAINERS_PATH, handler);
        server.createContext(InventoryHandler.HOSTS_PATH, handler);
        // A fan-out request waits on other instances, which may be asking this one at the same time: no fixed pool.
        server.setExecutor(executor);
        server.start();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
