package io.palisade.collector.file;

import java.time.Clock;
import java.util.UUID;

import io.palisade.collector.CollectorIdentity;
import io.palisade.schema.Container;
import io.palisade.schema.File;
import io.palisade.schema.FileAction;
import io.palisade.schema.FileEvent;
import io.palisade.schema.FileEventInfo;
import io.palisade.schema.FileHash;
import io.palisade.schema.FileOriginal;

/**
 * Builds the {@link FileEvent}s of palisade.events.file. Pure: no file system access.
 */
public final class FileEventFactory {

    private final CollectorIdentity identity;
    private final Clock clock;

    public FileEventFactory(CollectorIdentity identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    /**
     * A host file change: the file as it is now (nothing but its path when deleted), and in file.original the hash
     * it had before a modification or deletion.
     */
    public FileEvent hostFile(FileChange change) {
        File.Builder file = File.newBuilder().setPath(change.path().toString());
        FileState after = change.after();
        if (after != null) {
            file.setHash(hash(after.sha256Hex())).setSize(after.size()).setMode(after.modeOctal())
                    .setUid(Integer.toUnsignedString(after.uid())).setGid(Integer.toUnsignedString(after.gid()))
                    .setInode(Long.toUnsignedString(after.inode()));
        }
        FileState before = change.before();
        boolean contentGone = change.action() == FileAction.MODIFIED || change.action() == FileAction.DELETED;
        if (before != null && contentGone && before.sha256() != null) {
            file.setOriginal(FileOriginal.newBuilder().setHash(hash(before.sha256Hex())).build());
        }
        return event(change.action(), file.build(), null);
    }

    /** A file created, changed or deleted inside a container, by its path in the container's file system. */
    public FileEvent containerFile(FileAction action, String path, Container container) {
        return event(action, File.newBuilder().setPath(path).build(), container);
    }

    private FileEvent event(FileAction action, File file, Container container) {
        return FileEvent.newBuilder()
                .setEvent(FileEventInfo.newBuilder().setId(UUID.randomUUID().toString()).setCreated(clock.instant())
                        .setAction(action).build())
                .setHost(identity.host())
                .setAgent(identity.agent())
                .setFile(file)
                .setContainer(container)
                .build();
    }

    private static FileHash hash(String sha256) {
        return sha256 == null ? null : FileHash.newBuilder().setSha256(sha256).build();
    }
}
