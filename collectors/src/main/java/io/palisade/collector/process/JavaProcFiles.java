package io.palisade.collector.process;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@link ProcFiles} through Java's file API, where libc cannot be bound: each read allocates its stream, descriptor
 * and path, but files are still read into one reused array. procfs files report a size of 0, so reading one whole the
 * usual way would allocate 8 KB or more per read.
 */
final class JavaProcFiles implements ProcFiles {

    /** Within the 8 KB that FileInputStream reads without allocating; grown for longer files (a long cmdline). */
    private static final int INITIAL_BUFFER_BYTES = 8192;

    private final Path root;
    private final String rootPrefix;
    private byte[] buffer = new byte[INITIAL_BUFFER_BYTES];

    JavaProcFiles(Path root) {
        this.root = root;
        this.rootPrefix = root + "/";
    }

    @Override
    public int read(long pid, byte[] name) {
        try (FileInputStream in = new FileInputStream(rootPrefix + pid + '/'
                + new String(name, StandardCharsets.US_ASCII))) {
            int length = 0;
            for (int n; (n = in.read(buffer, length, buffer.length - length)) > 0; ) {
                length += n;
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
            return length;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public int readLink(long pid, byte[] name) {
        try {
            byte[] target = Files.readSymbolicLink(root.resolve(Long.toString(pid))
                    .resolve(new String(name, StandardCharsets.US_ASCII))).toString().getBytes(StandardCharsets.UTF_8);
            if (buffer.length < target.length) {
                buffer = Arrays.copyOf(buffer, Math.max(target.length, buffer.length * 2));
            }
            System.arraycopy(target, 0, buffer, 0, target.length);
            return target.length;
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    @Override
    public byte[] bytes() {
        return buffer;
    }
}
