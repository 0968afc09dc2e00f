package io.palisade.cli.selftest;

import java.util.List;

import io.palisade.cli.selftest.Action.ContainerSpec;
import io.palisade.cli.selftest.Action.Exec;
import io.palisade.cli.selftest.Action.InContainer;
import io.palisade.cli.selftest.Action.OnHost;

/**
 * The self-test's actions, each checked against the collectors and rules by running it: the container actions are
 * seen by the container source (docker exec, posture), the process source (programs run in the container), the
 * drift source (files changed in it) and the stats source (CPU); the host actions by the file-integrity source.
 */
public final class Actions {

    private static final String BUSY_LOOP = "while :; do :; done";

    private Actions() {
    }

    /** Every action, the slowest to detect (CPU use, sampled every few seconds) first. */
    public static List<Action> all() {
        return List.of(
                new InContainer("cpu-burn", "CPU burn in a container (busy loop)", List.of("PAL-STAT-001"),
                        new ContainerSpec(List.of("timeout", Action.LIFETIME, "sh", "-c", BUSY_LOOP), false, false,
                                true), List.of()),
                new InContainer("shell", "shell in a container (docker exec --user root sh -c)",
                        List.of("PAL-PROC-001", "PAL-CNT-020"), ContainerSpec.idle(),
                        List.of(new Exec(List.of("sh", "-c", "echo " + Action.MARKER), "root", false))),
                new InContainer("privileged-exec", "privileged exec into a container (docker exec --privileged)",
                        List.of("PAL-CNT-019"), ContainerSpec.idle(), List.of(new Exec(List.of("id"), null, true))),
                new InContainer("write-usr-bin", "shell writes a program below /usr/bin in a container",
                        List.of("PAL-FILE-008", "PAL-FILE-001", "PAL-CORR-001"), ContainerSpec.idle(),
                        List.of(Exec.of("sh", "-c", "mkdir -p /usr/bin && cp /bin/busybox /usr/bin/" + Action.MARKER))),
                new InContainer("read-shadow", "read /etc/shadow in a container (cat)", List.of("PAL-PROC-011"),
                        ContainerSpec.idle(), List.of(Exec.of("cat", "/etc/shadow"))),
                new InContainer("privileged-docker-socket",
                        "privileged container with the docker socket mounted, mount run in it",
                        List.of("PAL-CNT-001", "PAL-CNT-002", "PAL-PROC-006"),
                        new ContainerSpec(List.of(), true, true, false), "PAL-CNT-001", List.of(Exec.of("mount"))),
                new InContainer("package-manager", "package manager in a container (rpm -q)", List.of("PAL-PROC-002"),
                        ContainerSpec.idle(), List.of(Exec.of("rpm", "-q", Action.MARKER))),
                new InContainer("network-tool", "network tool in a container (wget)", List.of("PAL-PROC-003"),
                        ContainerSpec.idle(), List.of(Exec.of("wget", "-q", "-T", "1", "-O", "/dev/null",
                        "http://127.0.0.1:9/" + Action.MARKER))),
                new InContainer("crontab", "job scheduled in a container (crontab FILE)", List.of("PAL-PROC-014"),
                        ContainerSpec.idle(), List.of(Exec.of("sh", "-c", "mkdir -p /var/spool/cron/crontabs "
                                + "&& echo '* * * * * echo " + Action.MARKER + "' > /tmp/jobs"),
                                // Run by docker exec itself: busybox sh may run an applet it starts without exec.
                                Exec.of("crontab", "/tmp/jobs"))),
                new InContainer("clear-history", "shell history deleted in a container (rm .ash_history)",
                        List.of("PAL-PROC-015"), ContainerSpec.idle(),
                        List.of(Exec.of("rm", "-f", "/root/.ash_history"))),
                new OnHost("authorized-keys", "key added to authorized_keys under a temporary HOME on the host",
                        List.of("PAL-FILE-003"), "mkdir -p \"$HOME/.ssh\" && echo 'ssh-ed25519 "
                        + "AAAAC3NzaC1lZDI1NTE5AAAAIPalisadeSelftestKeyNotUsableForLogin palisade-selftest' "
                        + ">> \"$HOME/.ssh/authorized_keys\""),
                new OnHost("setuid", "setuid bit set on a file on the host (chmod u+s)", List.of("PAL-FILE-004"),
                        // A script: the kernel ignores the setuid bit on scripts, so the file grants nothing.
                        "printf '#!/bin/sh\\ntrue\\n' > \"$DIR/tool\" && chmod 0755 \"$DIR/tool\" "
                                + "&& chmod u+s \"$DIR/tool\""));
    }
}
