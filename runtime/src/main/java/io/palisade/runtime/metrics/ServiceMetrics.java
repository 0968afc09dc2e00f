package io.palisade.runtime.metrics;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The one metrics set-up of every Palisade service: a Prometheus registry holding the JVM's memory, GC, thread and
 * class-loader figures, the process's CPU, uptime, open files and resident memory, and
 * {@code palisade_build_info{service,version} 1}. Each service adds its own meters to {@link #registry()}, which
 * {@code OpsServer} serves on {@code /metrics}. Close it to detach the GC listener.
 */
public final class ServiceMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;

    private ServiceMetrics(PrometheusMeterRegistry registry, JvmGcMetrics gc) {
        this.registry = registry;
        this.gc = gc;
    }

    /** A registry for {@code service} (collector, processor, sinks) at {@code version}. */
    public static ServiceMetrics create(String service, String version) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JvmGcMetrics gc = new JvmGcMetrics();
        List<MeterBinder> binders = List.of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(),
                new ClassLoaderMetrics(), new ProcessorMetrics(), new UptimeMetrics(), new FileDescriptorMetrics(),
                new ProcessResources(Path.of("/proc/self/status"), ManagementFactory.getOperatingSystemMXBean()));
        binders.forEach(binder -> binder.bindTo(registry));
        Gauge.builder("palisade.build.info", () -> 1).tag("service", service).tag("version", version)
                .description("1, labelled with the service and the version running").register(registry);
        return new ServiceMetrics(registry, gc);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
