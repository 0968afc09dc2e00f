package io.palisade.collector.stats;

import static io.palisade.collector.stats.Fixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Finding a container's cgroup directories from its /proc/<pid>/cgroup and the host's mountinfo. */
class CgroupDirsTest {

    @Test
    void hybridHostGivesEveryV1ControllerItsOwnDirectoryAndTheUnifiedOne() {
        String id = "8563d0c1ccc44f045a44eb815acc69bee18814e7f5755163517bcf03c2e9e561";
        CgroupDirs dirs = CgroupDirs.resolve(CgroupParsers.processCgroups(text("stats/cgroup-v1/proc-pid-cgroup")),
                CgroupMount.parseMountInfo(text("stats/proc/mountinfo-hybrid"))).orElseThrow();

        assertThat(dirs.controller("cpuacct")).contains(Path.of("/sys/fs/cgroup/cpuacct/docker/" + id));
        assertThat(dirs.controller("memory")).contains(Path.of("/sys/fs/cgroup/memory/docker/" + id));
        assertThat(dirs.controller("pids")).contains(Path.of("/sys/fs/cgroup/pids/docker/" + id));
        assertThat(dirs.controller("blkio")).contains(Path.of("/sys/fs/cgroup/blkio/docker/" + id));
        assertThat(dirs.unified()).isEqualTo(Path.of("/sys/fs/cgroup/unified/docker/" + id));
    }

    @Test
    void unifiedHostWithTheSystemdDriverHasOnlyTheV2Directory() {
        CgroupDirs dirs = CgroupDirs.resolve(CgroupParsers.processCgroups(text("stats/cgroup-v2/proc-pid-cgroup")),
                CgroupMount.parseMountInfo(text("stats/cgroup-v2/mountinfo-unified"))).orElseThrow();

        assertThat(dirs.controllers()).isEmpty();
        assertThat(dirs.unified()).isEqualTo(Path.of("/sys/fs/cgroup/system.slice/"
                + "docker-3f2a9c0d1b7e4a5f8c6d2e1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f.scope"));
    }

    @Test
    void aMountRootedInsideTheHierarchyShowsOnlyWhatIsBelowItsRoot() {
        List<CgroupMount> mounts = List.of(new CgroupMount("/docker", Path.of("/sys/fs/cgroup/memory"), false,
                Set.of("rw", "memory")));

        assertThat(CgroupDirs.resolve(Map.of("memory", "/docker/abc"), mounts).orElseThrow().controller("memory"))
                .contains(Path.of("/sys/fs/cgroup/memory/abc"));
        assertThat(CgroupDirs.resolve(Map.of("memory", "/kubepods/abc"), mounts)).isEmpty();
    }
}
