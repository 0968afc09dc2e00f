package io.palisade.collector.stats;

import static io.palisade.collector.stats.Fixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a container on a cgroup v2 host (the test machine has v1 controllers only, which {@code StatsSourceIT}
 * covers): a procfs and cgroupfs laid out in a temporary directory with the v2 fixture files.
 */
class CgroupSamplerTest {

    private static final long PID = 4242;

    @Test
    void readsEveryResourceFromTheUnifiedDirectoryAndTheNetworkFromTheContainersNamespace(@TempDir Path root)
            throws IOException {
        Path proc = root.resolve("proc");
        Path cgroupfs = root.resolve("sys/fs/cgroup");
        String cgroup = text("stats/cgroup-v2/proc-pid-cgroup");
        Path dir = cgroupfs.resolve(cgroup.strip().substring("0::/".length()));
        Files.createDirectories(dir);
        for (String file : new String[] {"cpu.stat", "memory.current", "memory.max", "memory.stat", "io.stat",
                "pids.current"}) {
            Files.writeString(dir.resolve(file), text("stats/cgroup-v2/" + file));
        }
        Files.createDirectories(proc.resolve(PID + "/ns"));
        Files.createDirectories(proc.resolve(PID + "/net"));
        Files.createDirectories(proc.resolve("self/ns"));
        Files.writeString(proc.resolve(PID + "/cgroup"), cgroup);
        Files.writeString(proc.resolve(PID + "/net/dev"), text("stats/cgroup-v1/proc-pid-net-dev"));
        Files.writeString(proc.resolve("self/mountinfo"), "25 22 0:23 / " + cgroupfs
                + " rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate\n");
        Files.createSymbolicLink(proc.resolve(PID + "/ns/net"), Path.of("net:[4026532290]"));
        Files.createSymbolicLink(proc.resolve("self/ns/net"), Path.of("net:[4026531840]"));

        CgroupSampler sampler = new CgroupSampler(proc);
        ResourceSample sample = sampler.sample(sampler.locate(PID).orElseThrow(), PID);

        assertThat(sample).usingRecursiveComparison().ignoringFields("cpuClockNanos").isEqualTo(new ResourceSample(
                70_398_558_000L, 0, 73_728_000L - 16_760_832L, 256L << 20,
                new ByteCounts(1_016, 0), new ByteCounts(20_971_520L + 1_459_200L, 4_194_304L + 314_773_504L), 4L));
    }

    @Test
    void aContainerInTheHostsNetworkHasNoNetworkCounters(@TempDir Path root) throws IOException {
        Path proc = root.resolve("proc");
        Path dir = root.resolve("cg");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("cpu.stat"), text("stats/cgroup-v2/cpu.stat"));
        Files.writeString(dir.resolve("memory.current"), text("stats/cgroup-v2/memory.current"));
        Files.writeString(dir.resolve("memory.max"), text("stats/cgroup-v2/memory.max.unlimited"));
        Files.writeString(dir.resolve("memory.stat"), text("stats/cgroup-v2/memory.stat"));
        Files.createDirectories(proc.resolve(PID + "/ns"));
        Files.createDirectories(proc.resolve("self/ns"));
        Files.createSymbolicLink(proc.resolve(PID + "/ns/net"), Path.of("net:[4026531840]"));
        Files.createSymbolicLink(proc.resolve("self/ns/net"), Path.of("net:[4026531840]"));

        ResourceSample sample = new CgroupSampler(proc).sample(new CgroupDirs(Map.of(), dir), PID);

        assertThat(sample.network()).isNull();
        assertThat(sample.memoryLimitBytes()).isNull();
        assertThat(sample.block()).as("io controller not enabled").isNull();
        assertThat(sample.pids()).as("pids controller not enabled").isNull();
    }
}
