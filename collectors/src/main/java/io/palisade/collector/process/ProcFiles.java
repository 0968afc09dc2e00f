package io.palisade.collector.process;

import java.nio.file.Path;

/**
 * Reads one file or symbolic link of a process under a proc file system into one reused array, {@link #bytes()}.
 * A read fails (-1) when the process is gone. Not thread-safe.
 */
interface ProcFiles {

    /** Reads /proc/&lt;pid&gt;/&lt;name&gt; whole; returns its length, or -1. */
    int read(long pid, byte[] name);

    /** Reads the target of the link /proc/&lt;pid&gt;/&lt;name&gt;; returns its length, or -1. */
    int readLink(long pid, byte[] name);

    /** What the last successful read got, from index 0; valid until the next read. */
    byte[] bytes();

    /**
     * Reads through libc when JNA can bind it here, which allocates nothing per read; else through Java's file API
     * (e.g. where JNA cannot unpack its native library), which works the same but makes garbage at every read.
     */
    static ProcFiles under(Path root) {
        try {
            Libc.load();
            return new NativeProcFiles(root);
        } catch (LinkageError e) {
            return new JavaProcFiles(root);
        }
    }
}
