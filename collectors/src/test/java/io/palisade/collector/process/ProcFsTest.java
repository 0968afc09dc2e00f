package io.palisade.collector.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFsTest {

    private static final String CONTAINER = "b33a2f22fef0b8fd4d628698180b73dfe79b73940dc8ab29e0886f60ec1c0325";

    @TempDir
    Path root;

    @Test
    void readsArgsExecutableCwdUserParentAndContainer() throws IOException {
        FakeProc proc = new FakeProc(root)
                .process(10, "containerd-shim", 1, 500, "/usr/bin/containerd-shim-runc-v2", "0::/system.slice\n",
                        "containerd-shim")
                .process(42, "ls", 10, 900, "/bin/busybox", CgroupContainerIdTest.fixture("docker_cgroupfs-v1.txt"),
                        "ls", "-l", "/etc dir");

        ProcessSnapshot ls = proc.procFs().read(42, OptionalLong.empty());

        assertThat(ls).isEqualTo(new ProcessSnapshot(42, "ls", "/bin/busybox", List.of("ls", "-l", "/etc dir"),
                "/srv/app", 1000L, 900L, 10L, "containerd-shim", "/usr/bin/containerd-shim-runc-v2", CONTAINER,
                true));
    }

    @Test
    void aBusyBoxAppletRunThroughProcSelfExeIsNamedAfterTheAppletNotExe() {
        // BusyBox's shell runs applets as execve("/proc/self/exe", ["wget", ...]): until the applet renames itself,
        // the kernel calls the process "exe".
        FakeProc proc = new FakeProc(root)
                .process(50, "sh", 1, 100, "/bin/busybox", "0::/\n", "sh", "-c", "wget http://x/; true")
                .process(51, "exe", 50, 101, "/bin/busybox", "0::/\n", "wget", "-q", "http://x/");

        ProcessSnapshot wget = proc.procFs().read(51, OptionalLong.empty());

        assertThat(wget.name()).isEqualTo("wget");
        assertThat(wget.executable()).isEqualTo("/bin/busybox");
        assertThat(wget.args()).containsExactly("wget", "-q", "http://x/");
    }

    @Test
    void theNameFromArgvZeroIsItsLastComponentCutAsTheKernelCutsACommandName() {
        assertThat(ProcFs.programName("exe", Optional.of("/bin/busybox"), List.of("/usr/bin/nc", "-l")))
                .isEqualTo("nc");
        assertThat(ProcFs.programName("exe", Optional.of("/usr/bin/runc"), List.of("runc-with-a-long-name", "init")))
                .isEqualTo("runc-with-a-lon");
        assertThat(ProcFs.programName("exe", Optional.of("/usr/bin/app"), List.of("ünïcödé-wxörkér")))
                .as("cut before a character, never inside one").isEqualTo("ünïcödé-wx");
        assertThat(ProcFs.programName("exe", Optional.empty(), List.of("nc")))
                .as("the exe link is gone with the exit; argv[0] was read first").isEqualTo("nc");
    }

    @Test
    void aCommandNameThatIsNotTheExeLinksIsKept() {
        assertThat(ProcFs.programName("wget", Optional.of("/bin/busybox"), List.of("/bin/wget", "http://x/")))
                .as("an applet run through its symlink").isEqualTo("wget");
        assertThat(ProcFs.programName("nginx", Optional.of("/usr/sbin/nginx"), List.of("nginx: worker process")))
                .as("a process that rewrote its arguments").isEqualTo("nginx");
        assertThat(ProcFs.programName("exe", Optional.of("/opt/tool/exe"), List.of("tool")))
                .as("a program whose file is named exe").isEqualTo("exe");
        assertThat(ProcFs.programName("exe", Optional.of("/bin/busybox"), List.of()))
                .as("no argument vector to name it by").isEqualTo("exe");
        assertThat(ProcFs.programName("exe", Optional.of("/bin/busybox"), List.of("/")))
                .as("argv[0] with no last component").isEqualTo("exe");
    }

    @Test
    void aProcessGoneBeforeItCouldBeReadKeepsItsPidAndTheParentTheBackEndSaw() {
        ProcessSnapshot gone = new FakeProc(root).procFs().read(77, OptionalLong.of(5));

        assertThat(gone).isEqualTo(new ProcessSnapshot(77, null, null, List.of(), null, null, null, 5L, null, null,
                null, false));
    }

    @Test
    void aProcessReapedAfterItsArgumentsWereReadIsNamedAfterArgvZero() {
        FakeProc proc = new FakeProc(root).process(60, "wget", 1, 100, "/bin/busybox", "0::/\n", "wget", "-q", "x");
        ProcFs.FirstRead first = proc.procFs().firstRead(60);
        proc.reaped(60);

        ProcessSnapshot wget = proc.procFs().complete(first, OptionalLong.of(1));

        assertThat(wget.name()).isEqualTo("wget");
        assertThat(wget.args()).containsExactly("wget", "-q", "x");
        assertThat(wget.complete()).isFalse();
    }

    @Test
    void aZombieStillGivesItsNameButIsIncomplete() {
        ProcessSnapshot zombie = new FakeProc(root).zombie(78, "true", 3, 111).procFs().read(78, OptionalLong.empty());

        assertThat(zombie.name()).isEqualTo("true");
        assertThat(zombie.parentPid()).isEqualTo(3L);
        assertThat(zombie.args()).isEmpty();
        assertThat(zombie.complete()).isFalse();
    }

    @Test
    void statIsParsedAfterTheLastParenthesisOfTheCommandName() {
        ProcFs.Stat stat = parseStat("7 (evil) S 1 (x) S 2 1 1 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 4321 0 0")
                .orElseThrow();

        assertThat(stat).isEqualTo(new ProcFs.Stat("evil) S 1 (x", 2, 4321));
        assertThat(parseStat("7 no parentheses")).isEmpty();
    }

    @Test
    void aStatLineCutShortOfTheStartTimeOrWithoutNumbersGivesNothing() {
        assertThat(parseStat("7 (sh) S 1 1 1 0 -1 4194560 100\n")).as("ends before field 22").isEmpty();
        assertThat(parseStat("7 (sh) S x 1 1 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 4321 0 0"))
                .as("ppid is no number").isEmpty();
        assertThat(parseStat("7 (sh)")).isEmpty();
        assertThat(parseStat("7 (sh) S 1 1 1 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 4321\n"))
                .contains(new ProcFs.Stat("sh", 1, 4321));
    }

    private static java.util.Optional<ProcFs.Stat> parseStat(String line) {
        byte[] bytes = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ProcFs.Stat.parse(bytes, bytes.length);
    }
}
