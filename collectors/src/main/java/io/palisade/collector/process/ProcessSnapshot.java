package io.palisade.collector.process;

import java.util.List;

/**
 * What could be read of one process from /proc right after it executed. Every field but {@code pid} is null (args
 * empty) when the process was gone, or had become a zombie, before it could be read.
 *
 * @param pid              process id in the host's pid namespace
 * @param name             the program's name: comm, or argv[0] when comm is "exe" or was gone (see ProcFs)
 * @param executable       target of /proc/<pid>/exe
 * @param args             argument vector from /proc/<pid>/cmdline, argv[0] first
 * @param workingDirectory target of /proc/<pid>/cwd
 * @param uid              real user id
 * @param startTicks       start time in clock ticks since boot; with the pid it identifies a process
 * @param parentPid        the parent's pid
 * @param parentName       the parent's command name
 * @param parentExecutable the parent's executable
 * @param containerId      the container, from /proc/<pid>/cgroup; null for a process of the host
 * @param complete         whether every field of the process itself could be read
 */
public record ProcessSnapshot(long pid, String name, String executable, List<String> args, String workingDirectory,
                              Long uid, Long startTicks, Long parentPid, String parentName, String parentExecutable,
                              String containerId, boolean complete) {

    public ProcessSnapshot {
        args = List.copyOf(args);
    }
}
