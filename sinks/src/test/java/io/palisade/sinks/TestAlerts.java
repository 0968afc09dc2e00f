package io.palisade.sinks;

import io.palisade.schema.Alert;
import io.palisade.schema.Container;
import io.palisade.schema.ContainerImage;
import io.palisade.schema.File;
import io.palisade.schema.FileHash;
import io.palisade.schema.FileOriginal;
import io.palisade.schema.Host;
import io.palisade.schema.Os;
import io.palisade.schema.Process;
import io.palisade.schema.ProcessParent;
import io.palisade.schema.Rule;
import io.palisade.schema.Severity;
import io.palisade.schema.Threat;
import io.palisade.schema.ThreatTactic;
import io.palisade.schema.ThreatTechnique;
import io.palisade.schema.User;
import java.time.Instant;
import java.util.List;

/** Alerts for tests: one with every optional field set, and small ones in bulk. */
public final class TestAlerts {

    public static final Instant FIRST_SEEN = Instant.parse("2026-01-01T00:00:00.123Z");

    private TestAlerts() {
    }

    /** An alert with only the required fields. */
    public static Alert minimal(String id, String ruleId, Severity severity) {
        return minimalBuilder(id, ruleId, severity).build();
    }

    /** A builder holding {@link #minimal}'s fields, for tests that vary one of them. */
    public static Alert.Builder minimalBuilder(String id, String ruleId, Severity severity) {
        return Alert.newBuilder()
                .setId(id)
                .setRule(Rule.newBuilder().setId(ruleId).setName("Test rule " + ruleId).setSeverity(severity).build())
                .setMessage("alert " + id)
                .setFirstSeen(FIRST_SEEN)
                .setLastSeen(FIRST_SEEN)
                .setCount(1);
    }

    /** An alert with every optional field set, so a mapping test sees every field there is. */
    public static Alert full() {
        return Alert.newBuilder()
                .setId("PAL-CNT-001:8f3b:2026-01-01T00:00Z")
                .setRule(Rule.newBuilder().setId("PAL-CNT-001").setName("Shell in a container")
                        .setSeverity(Severity.CRITICAL).build())
                .setTags(List.of("container", "mitre_execution"))
                .setThreat(Threat.newBuilder()
                        .setTechnique(ThreatTechnique.newBuilder().setId("T1059").setName("Command and Scripting Interpreter").build())
                        .setTactic(ThreatTactic.newBuilder().setId("TA0002").setName("Execution").build())
                        .build())
                .setMessage("Shell /bin/sh started in container shop-web (nginx:1.27) by nginx")
                .setFirstSeen(FIRST_SEEN)
                .setLastSeen(Instant.parse("2026-01-01T00:04:59.999Z"))
                .setCount(3)
                .setHost(Host.newBuilder().setName("web-1").setId("4f1c2a9e8d7b6c5a4f1c2a9e8d7b6c5a")
                        .setOs(Os.newBuilder().setName("Debian GNU/Linux").setVersion("12").setFamily("debian")
                                .setKernel("6.1.0-28-amd64").build())
                        .build())
                .setContainer(Container.newBuilder().setId("8f3b".repeat(16)).setName("shop-web")
                        .setImage(ContainerImage.newBuilder().setName("nginx:1.27")
                                .setDigest("sha256:" + "ab".repeat(32)).build())
                        .build())
                .setProcess(Process.newBuilder().setPid(4242).setName("sh").setExecutable("/bin/sh")
                        .setArgs(List.of("sh", "-c", "id")).setWorkingDirectory("/usr/share/nginx/html").setExitCode(0)
                        .setParent(ProcessParent.newBuilder().setPid(4200).setName("nginx")
                                .setExecutable("/usr/sbin/nginx").build())
                        .build())
                .setUser(User.newBuilder().setId("0").setName("root").build())
                .setFile(File.newBuilder().setPath("/etc/passwd")
                        .setHash(FileHash.newBuilder().setSha256("cd".repeat(32)).build())
                        .setSize(2048L).setMode("0644").setUid("0").setGid("0").setOwner("root").setGroup("root")
                        .setInode("131074")
                        .setOriginal(FileOriginal.newBuilder().setPath("/etc/passwd.new")
                                .setHash(FileHash.newBuilder().setSha256("ef".repeat(32)).build()).build())
                        .build())
                .setEvidenceEventIds(List.of("e-process-1", "e-process-2"))
                .build();
    }
}
