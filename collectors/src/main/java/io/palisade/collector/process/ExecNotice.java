package io.palisade.collector.process;

import java.util.OptionalLong;

/**
 * What a back end knows of one exec the moment it sees it, before /proc is read.
 *
 * @param pid       the process (thread group) id in the host's pid namespace
 * @param parentPid the parent, when the back end saw it fork (the process may be gone by the time /proc is read)
 */
public record ExecNotice(long pid, OptionalLong parentPid) {
}
