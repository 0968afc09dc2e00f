package io.palisade.collector.process;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * {@link ProcFiles} through libc ({@link Libc}): the path is written into a reused array and native buffer, the file
 * read into a reused native buffer and copied into a reused array, so a read allocates nothing on the Java heap (see
 * {@link Libc} for why that matters). Buffers grow for long files, e.g. a long argument vector, and stay grown.
 */
final class NativeProcFiles implements ProcFiles {

    /** Larger than any path built here: the root, a pid and a file name. */
    private static final int PATH_BYTES = 4096;
    private static final int INITIAL_DATA_BYTES = 8192;

    private final byte[] rootPrefix;
    private final byte[] pathBytes = new byte[PATH_BYTES];
    private final Memory path = new Memory(PATH_BYTES);
    private Memory data = new Memory(INITIAL_DATA_BYTES);
    private byte[] bytes = new byte[INITIAL_DATA_BYTES];

    NativeProcFiles(Path root) {
        this.rootPrefix = (root + "/").getBytes(StandardCharsets.UTF_8);
        if (rootPrefix.length + 64 > PATH_BYTES) {
            throw new IllegalArgumentException("proc root path too long: " + root);
        }
    }

    @Override
    public int read(long pid, byte[] name) {
        setPath(pid, name);
        int fd = Libc.open(Pointer.nativeValue(path), Libc.O_RDONLY | Libc.O_CLOEXEC);
        if (fd < 0) {
            return -1;
        }
        try {
            long length = 0;
            while (true) {
                long read = Libc.read(fd, Pointer.nativeValue(data) + length, data.size() - length);
                if (read < 0) {
                    return -1; // e.g. ESRCH: the process ended while its file was open
                }
                if (read == 0) {
                    return copyOut((int) length);
                }
                length += read;
                if (length == data.size()) {
                    growData((int) length);
                }
            }
        } finally {
            Libc.close(fd);
        }
    }

    @Override
    public int readLink(long pid, byte[] name) {
        setPath(pid, name);
        while (true) {
            long length = Libc.readlink(Pointer.nativeValue(path), Pointer.nativeValue(data), data.size());
            if (length < 0) {
                return -1;
            }
            if (length < data.size()) {
                return copyOut((int) length);
            }
            growData(0); // the target may have been cut at the buffer's end: read it again into a larger one
        }
    }

    @Override
    public byte[] bytes() {
        return bytes;
    }

    /** Writes "&lt;root&gt;/&lt;pid&gt;/&lt;name&gt;\0" into the native path buffer. */
    private void setPath(long pid, byte[] name) {
        int at = rootPrefix.length;
        System.arraycopy(rootPrefix, 0, pathBytes, 0, at);
        at = writeDecimal(pid, at);
        pathBytes[at++] = '/';
        System.arraycopy(name, 0, pathBytes, at, name.length);
        at += name.length;
        pathBytes[at++] = 0;
        path.write(0, pathBytes, 0, at);
    }

    private int writeDecimal(long value, int at) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        long rest = value;
        for (int i = at + digits - 1; i >= at; i--) {
            pathBytes[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return at + digits;
    }

    /** Doubles the native buffer, keeping its first {@code keep} bytes. */
    private void growData(int keep) {
        Memory larger = new Memory(data.size() * 2);
        if (keep > 0) {
            larger.write(0, data.getByteArray(0, keep), 0, keep);
        }
        data.close();
        data = larger;
    }

    private int copyOut(int length) {
        if (bytes.length < length) {
            bytes = new byte[(int) data.size()];
        }
        data.read(0, bytes, 0, length);
        return length;
    }
}
