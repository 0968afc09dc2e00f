package io.palisade.collector.process;

import com.sun.jna.Native;

/**
 * The libc calls the exec observer makes for every event, bound by JNA's direct mapping: with only primitive
 * arguments (addresses as {@code long}) a call allocates nothing on the Java heap, unlike an interface-mapped call
 * (argument arrays, boxing) or Java's file API (streams, descriptors, cleaners, paths), whose garbage made the
 * collections that stop the observer. Errors are -1 returns, errno then being {@link Native#getLastError()}.
 * Assumes a 64-bit Linux, as everywhere the collector runs.
 */
final class Libc {

    static final int O_RDONLY = 0;
    static final int O_CLOEXEC = 0x80000;

    static {
        Native.register(Libc.class, "c");
    }

    private Libc() {
    }

    /** Loads the binding; throws a {@link LinkageError} when JNA or libc cannot be loaded here. */
    static void load() {
        // the static initializer did the work
    }

    static native int open(long path, int flags);

    static native long read(int fd, long buffer, long count);

    static native int close(int fd);

    static native long readlink(long path, long buffer, long size);

    static native long recv(int socket, long buffer, long length, int flags);
}
