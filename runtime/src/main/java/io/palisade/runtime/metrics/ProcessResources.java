package io.palisade.runtime.metrics;

import java.io.IOException;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The two process figures every Prometheus client exports and Micrometer's binders do not, so dashboards built for
 * other services work unchanged:
 * <ul>
 *   <li>{@code process_resident_memory_bytes}: the memory the kernel holds for this process (heap, metaspace, thread
 *       stacks, direct buffers, JIT code), which is what a host pays for; the JVM binders see only the parts the JVM
 *       manages. Read from {@code VmRSS} of {@code /proc/self/status}; NaN where there is no such file.</li>
 *   <li>{@code process_cpu_seconds_total}: CPU time, user and system; Micrometer gives a usage ratio and
 *       nanoseconds.</li>
 * </ul>
 */
final class ProcessResources implements MeterBinder {

    private final Path status;
    private final OperatingSystemMXBean os;

    ProcessResources(Path status, OperatingSystemMXBean os) {
        this.status = status;
        this.os = os;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        // Held strongly: nothing else keeps this binder alive, and a collected one would read NaN.
        Gauge.builder("process.resident.memory", this, ProcessResources::residentBytes).strongReference(true)
                .baseUnit("bytes").description("Resident set size: memory the kernel holds for this process")
                .register(registry);
        if (os instanceof com.sun.management.OperatingSystemMXBean sun && sun.getProcessCpuTime() >= 0) {
            FunctionCounter.builder("process.cpu", sun,
                            bean -> bean.getProcessCpuTime() / (double) TimeUnit.SECONDS.toNanos(1))
                    .baseUnit("seconds").description("CPU time this process used, user and system")
                    .register(registry);
        }
    }

    double residentBytes() {
        try {
            return residentBytes(Files.readAllLines(status));
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** The {@code VmRSS:   123456 kB} line, in bytes; the kernel's "kB" are KiB. */
    static double residentBytes(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmRSS:")) {
                String[] fields = line.substring("VmRSS:".length()).trim().split("\\s+");
                return Long.parseLong(fields[0]) * 1024.0;
            }
        }
        return Double.NaN;
    }
}
