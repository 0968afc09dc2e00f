package io.palisade.runtime.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code process_resident_memory_bytes}: the memory the kernel holds for this process (heap, metaspace, thread
 * stacks, direct buffers, JIT code), which is what a host pays for; Micrometer's JVM binders see only the parts the
 * JVM manages. Read from {@code VmRSS} of {@code /proc/self/status}; NaN where there is no such file.
 */
final class ResidentMemory implements MeterBinder {

    private final Path status;

    ResidentMemory(Path status) {
        this.status = status;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("process.resident.memory", this, ResidentMemory::bytes).baseUnit("bytes")
                .description("Resident set size: memory the kernel holds for this process")
                .register(registry);
    }

    double bytes() {
        try {
            return parse(Files.readAllLines(status));
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** The {@code VmRSS:   123456 kB} line, in bytes; the kernel's "kB" are KiB. */
    static double parse(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmRSS:")) {
                String[] fields = line.substring("VmRSS:".length()).trim().split("\\s+");
                return Long.parseLong(fields[0]) * 1024.0;
            }
        }
        return Double.NaN;
    }
}
