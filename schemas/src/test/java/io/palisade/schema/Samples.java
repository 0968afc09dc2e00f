package io.palisade.schema;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.palisade.schema.topic.Topics;
import org.apache.avro.specific.SpecificRecord;

/** One fully populated record of every kind, optional fields set wherever they can be, for round-trip tests. */
public final class Samples {

    public static final Instant SEEN = Instant.ofEpochMilli(1_767_225_600_123L);

    private Samples() {
    }

    /** One record of each type that goes on Kafka. */
    public static List<SpecificRecord> all() {
        return List.of(processEvent(), fileEvent(), containerEvent(), containerStats(), hostEvent(), alert(),
                deadLetter());
    }

    public static Host host() {
        return Host.newBuilder().setName("web-1").setId("4f1c2a9e8d7b6c5a4f1c2a9e8d7b6c5a")
                .setOs(Os.newBuilder().setName("Debian GNU/Linux").setVersion("12").setFamily("debian")
                        .setKernel("6.1.0-28-amd64").build())
                .build();
    }

    public static Agent agent() {
        return Agent.newBuilder().setId("collector-7").setVersion("0.1.0").build();
    }

    public static Container container() {
        return Container.newBuilder()
                .setId("8f3b".repeat(16))
                .setName("shop-web")
                .setImage(ContainerImage.newBuilder().setName("nginx:1.27").setDigest("sha256:" + "ab".repeat(32)).build())
                .setLabels(Map.of("com.docker.compose.project", "shop"))
                .setSecurityContext(new ContainerSecurityContext(true))
                .build();
    }

    public static Process process() {
        return Process.newBuilder()
                .setPid(4242)
                .setName("sh")
                .setExecutable("/bin/sh")
                .setArgs(List.of("sh", "-c", "id; cat /etc/shadow"))
                .setWorkingDirectory("/usr/share/nginx/html")
                .setExitCode(0)
                .setParent(ProcessParent.newBuilder().setPid(4200).setName("nginx").setExecutable("/usr/sbin/nginx").build())
                .build();
    }

    public static User user() {
        return User.newBuilder().setId("0").setName("root").build();
    }

    public static File file() {
        return File.newBuilder()
                .setPath("/etc/passwd")
                .setHash(FileHash.newBuilder().setSha256("cd".repeat(32)).build())
                .setSize(2048L)
                .setMode("0644")
                .setUid("0").setGid("0").setOwner("root").setGroup("root")
                .setInode("131074")
                .setOriginal(FileOriginal.newBuilder()
                        .setPath("/etc/passwd.new")
                        .setHash(FileHash.newBuilder().setSha256("ef".repeat(32)).build())
                        .build())
                .build();
    }

    public static ProcessEvent processEvent() {
        return ProcessEvent.newBuilder()
                .setEvent(ProcessEventInfo.newBuilder().setId("e-process-1").setCreated(SEEN).setAction(ProcessAction.EXEC).build())
                .setHost(host())
                .setAgent(agent())
                .setProcess(process())
                .setUser(user())
                .setContainer(container())
                .build();
    }

    public static FileEvent fileEvent() {
        return FileEvent.newBuilder()
                .setEvent(FileEventInfo.newBuilder().setId("e-file-1").setCreated(SEEN).setAction(FileAction.RENAMED).build())
                .setHost(host())
                .setAgent(agent())
                .setFile(file())
                .setContainer(container())
                .build();
    }

    public static ContainerPosture posture() {
        return ContainerPosture.newBuilder()
                .setPrivileged(true)
                .setUser("0:0")
                .setCapAdd(List.of("SYS_ADMIN", "NET_ADMIN"))
                .setCapDrop(List.of("MKNOD"))
                .setApparmorProfile("unconfined")
                .setSeccompProfile("unconfined")
                .setNoNewPrivileges(false)
                .setReadOnlyRootFilesystem(false)
                .setMounts(List.of(Mount.newBuilder()
                        .setType("bind").setSource("/var/run/docker.sock").setDestination("/var/run/docker.sock")
                        .setReadWrite(true).setPropagation("rprivate").build()))
                .setNetworkMode("host").setPidMode("host").setIpcMode("host").setUtsMode("host")
                .setMemoryLimitBytes(512L * 1024 * 1024)
                .setCpuLimit(1.5)
                .setPidsLimit(256L)
                .setRestartPolicy("always")
                .setHealthCheckPresent(true)
                .setPublishedPorts(List.of(PublishedPort.newBuilder()
                        .setContainerPort(80).setProtocol("tcp").setHostIp("0.0.0.0").setHostPort(8080).build()))
                .setEnvironment(List.of(
                        EnvironmentVariable.newBuilder().setName("PATH").setLooksLikeSecret(false).build(),
                        EnvironmentVariable.newBuilder().setName("DB_PASSWORD").setLooksLikeSecret(true).build()))
                .setDockerSocketMounted(true)
                .setLabels(Map.of("com.docker.compose.service", "web"))
                .build();
    }

    public static ContainerEvent containerEvent() {
        return ContainerEvent.newBuilder()
                .setEvent(ContainerEventInfo.newBuilder().setId("e-container-1").setCreated(SEEN).setAction(ContainerAction.EXEC).build())
                .setHost(host())
                .setAgent(agent())
                .setContainer(container())
                .setExec(ContainerExec.newBuilder().setId("exec-1").setCommandLine("sh -c id").setUser("root").setPrivileged(true).build())
                .setExitCode(137)
                .setPosture(posture())
                .build();
    }

    public static ContainerStats containerStats() {
        return ContainerStats.newBuilder()
                .setEvent(StatsEventInfo.newBuilder().setId("e-stats-1").setCreated(SEEN).build())
                .setHost(host())
                .setAgent(agent())
                .setContainer(container())
                .setCpuPercent(12.5)
                .setMemoryUsageBytes(100_000_000L)
                .setMemoryLimitBytes(512L * 1024 * 1024)
                .setNetworkRxBytes(1_000L).setNetworkTxBytes(2_000L)
                .setBlockReadBytes(3_000L).setBlockWriteBytes(4_000L)
                .setPids(12L)
                .build();
    }

    public static HostEvent hostEvent() {
        return HostEvent.newBuilder()
                .setEvent(HostEventInfo.newBuilder().setId("e-host-1").setCreated(SEEN).setAction(HostAction.HEARTBEAT).build())
                .setHost(Host.newBuilder(host())
                        .setOs(Os.newBuilder().setName("Debian GNU/Linux").setVersion("12").setFamily("debian").setKernel("6.1.0-31-amd64").build())
                        .build())
                .setAgent(agent())
                .setDocker(DockerDaemon.newBuilder()
                        .setVersion("28.2.2")
                        .setUsernsEnabled(false).setRootless(false).setLiveRestore(true).setIcc(true)
                        .setLoggingDriver("json-file").setNoNewPrivileges(false)
                        .setAuthorizationPlugins(List.of("opa-docker-authz"))
                        .setCgroupDriver("systemd").setCgroupVersion("2")
                        .setSelinuxEnabled(false).setApparmorEnabled(true).setSeccompProfile("builtin")
                        .build())
                .setDockerGroupMembers(List.of("alice", "deploy"))
                .build();
    }

    public static Alert alert() {
        return Alert.newBuilder()
                .setId("PAL-CNT-001:8f3b:2026-01-01T00:00Z")
                .setRule(Rule.newBuilder().setId("PAL-CNT-001").setName("Shell in container").setSeverity(Severity.WARNING).build())
                .setTags(List.of("container", "shell"))
                .setThreat(Threat.newBuilder()
                        .setTechnique(ThreatTechnique.newBuilder().setId("T1059").setName("Command and Scripting Interpreter").build())
                        .setTactic(ThreatTactic.newBuilder().setId("TA0002").setName("Execution").build())
                        .build())
                .setMessage("Shell sh spawned by nginx in container shop-web")
                .setFirstSeen(SEEN)
                .setLastSeen(SEEN.plusSeconds(30))
                .setCount(3)
                .setHost(host())
                .setContainer(container())
                .setProcess(process())
                .setUser(user())
                .setFile(file())
                .setEvidenceEventIds(List.of("e-process-1", "e-process-2"))
                .build();
    }

    public static DeadLetter deadLetter() {
        return DeadLetter.newBuilder()
                .setSourceTopic(Topics.PROCESS_EVENTS.name())
                .setSourcePartition(3)
                .setSourceOffset(12_345L)
                .setSourceTimestamp(SEEN)
                .setReason("malformed ProcessEvent")
                .setErrorClass("io.palisade.schema.serde.UnreadableRecordException")
                .setSchemaFingerprint(-42L)
                .setKey(ByteBuffer.wrap("web-1".getBytes(StandardCharsets.UTF_8)))
                .setValue(ByteBuffer.wrap(new byte[] {(byte) 0xC3, 0x01, 7, 7}))
                .setFailedAt(SEEN.plusSeconds(1))
                .build();
    }
}
