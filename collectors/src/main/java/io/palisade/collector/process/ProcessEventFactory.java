package io.palisade.collector.process;

import java.time.Instant;
import java.util.UUID;

import io.palisade.collector.CollectorIdentity;
import io.palisade.schema.Container;
import io.palisade.schema.Process;
import io.palisade.schema.ProcessAction;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.ProcessEventInfo;
import io.palisade.schema.ProcessParent;
import io.palisade.schema.User;

/** Maps what was read of a process to the ECS-shaped event of palisade.events.process. */
final class ProcessEventFactory {

    private final CollectorIdentity identity;
    private final UserNames userNames;

    ProcessEventFactory(CollectorIdentity identity, UserNames userNames) {
        this.identity = identity;
        this.userNames = userNames;
    }

    ProcessEvent exec(ProcessSnapshot process, Instant observed) {
        return ProcessEvent.newBuilder()
                .setEvent(ProcessEventInfo.newBuilder().setId(UUID.randomUUID().toString()).setCreated(observed)
                        .setAction(ProcessAction.EXEC).build())
                .setHost(identity.host())
                .setAgent(identity.agent())
                .setProcess(Process.newBuilder()
                        .setPid(process.pid())
                        .setName(process.name())
                        .setExecutable(process.executable())
                        .setArgs(process.args())
                        .setWorkingDirectory(process.workingDirectory())
                        .setParent(parent(process))
                        .build())
                .setUser(process.uid() == null ? null : User.newBuilder().setId(Long.toString(process.uid()))
                        .setName(userNames.name(process.uid()).orElse(null)).build())
                // Only the id is known here; the stream processor adds name and image from its inventory.
                .setContainer(process.containerId() == null ? null
                        : Container.newBuilder().setId(process.containerId()).build())
                .build();
    }

    private static ProcessParent parent(ProcessSnapshot process) {
        if (process.parentPid() == null) {
            return null;
        }
        return ProcessParent.newBuilder().setPid(process.parentPid()).setName(process.parentName())
                .setExecutable(process.parentExecutable()).build();
    }
}
