package io.palisade.collector.file;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The baseline on disk, so that what changed while the collector was down is reported after a restart.
 *
 * <p>Format ({@code baseline.pfim}, big-endian): magic {@code PFIM}, version, entry count; then per entry, in path
 * order, the length of the prefix it shares with the previous path and the rest of the path (modified UTF-8), size,
 * mode, uid, gid, inode, mtime, ctime, a flag byte (1 symlink, 2 hashed) and the 32 hash bytes when hashed; last a
 * CRC32C of everything before it. Sorted paths share long prefixes: about 94 bytes a file, 11.7 MB for the
 * 124 000 files of a /usr.
 *
 * <p>Written to a temporary file in the same directory, forced to disk, then renamed over the old one: a crash
 * leaves either the old or the new baseline, never half of one.
 */
public final class StateFile {

    private static final int MAGIC = 0x5046494D; // "PFIM"
    private static final int VERSION = 1;
    private static final int SYMLINK = 1;
    private static final int HASHED = 2;

    private final Path file;

    public StateFile(Path stateDir) {
        this.file = stateDir.resolve("baseline.pfim");
    }

    public Path path() {
        return file;
    }

    /** The stored baseline; empty when none was ever written; an {@link IOException} when it is unreadable. */
    public Optional<Map<Path, FileState>> read() throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), new CRC32C());
            DataInputStream in = new DataInputStream(checked);
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a Palisade baseline");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + " has baseline format " + version + ", this collector reads " + VERSION);
            }
            int count = in.readInt();
            Map<Path, FileState> baseline = HashMap.newHashMap(count);
            String previous = "";
            for (int i = 0; i < count; i++) {
                int shared = in.readUnsignedShort();
                if (shared > previous.length()) {
                    throw new IOException(file + " is corrupt at entry " + i);
                }
                String path = previous.substring(0, shared) + in.readUTF();
                long size = in.readLong();
                int mode = in.readInt();
                int uid = in.readInt();
                int gid = in.readInt();
                long inode = in.readLong();
                long mtime = in.readLong();
                long ctime = in.readLong();
                int flags = in.readUnsignedByte();
                byte[] hash = null;
                if ((flags & HASHED) != 0) {
                    hash = new byte[32];
                    in.readFully(hash);
                }
                baseline.put(Path.of(path),
                        new FileState(size, mode, uid, gid, inode, mtime, ctime, (flags & SYMLINK) != 0, hash));
                previous = path;
            }
            long expected = checked.getChecksum().getValue();
            if (in.readLong() != expected) {
                throw new IOException(file + " fails its checksum");
            }
            return Optional.of(baseline);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (EOFException | IllegalArgumentException e) {
            throw new IOException(file + " is truncated or corrupt", e);
        }
    }

    /**
     * Replaces the stored baseline with {@code baseline}, atomically. Written through {@link FileOutputStream}, not a
     * file channel: a channel closes when its thread is interrupted, and the source saves its baseline while it is
     * being stopped, which is when the interrupt comes.
     */
    public void write(Map<Path, FileState> baseline) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), "baseline", ".tmp");
        try {
            try (FileOutputStream raw = new FileOutputStream(temporary.toFile())) {
                CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16),
                        new CRC32C());
                DataOutputStream out = new DataOutputStream(checked);
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                TreeMap<String, FileState> sorted = new TreeMap<>();
                baseline.forEach((path, state) -> sorted.put(path.toString(), state));
                out.writeInt(sorted.size());
                String previous = "";
                for (Map.Entry<String, FileState> entry : sorted.entrySet()) {
                    String path = entry.getKey();
                    int shared = Math.min(sharedPrefix(previous, path), 0xFFFF);
                    out.writeShort(shared);
                    out.writeUTF(path.substring(shared));
                    writeState(out, entry.getValue());
                    previous = path;
                }
                out.flush();
                out.writeLong(checked.getChecksum().getValue());
                out.flush();
                raw.getFD().sync();
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void writeState(DataOutputStream out, FileState state) throws IOException {
        out.writeLong(state.size());
        out.writeInt(state.mode());
        out.writeInt(state.uid());
        out.writeInt(state.gid());
        out.writeLong(state.inode());
        out.writeLong(state.mtime());
        out.writeLong(state.ctime());
        out.writeByte((state.symlink() ? SYMLINK : 0) | (state.sha256() != null ? HASHED : 0));
        if (state.sha256() != null) {
            out.write(state.sha256());
        }
    }

    private static int sharedPrefix(String a, String b) {
        int max = Math.min(a.length(), b.length());
        int i = 0;
        while (i < max && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        // Never split a surrogate pair: each half would be written as invalid modified UTF-8 on its own.
        return i > 0 && Character.isHighSurrogate(a.charAt(i - 1)) ? i - 1 : i;
    }
}
