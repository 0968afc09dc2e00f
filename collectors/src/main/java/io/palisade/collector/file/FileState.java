package io.palisade.collector.file;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * What the collector knows of one watched file: its attributes and content hash at the last look. The baseline is a
 * map of these by path, kept in memory and on disk ({@link StateFile}).
 *
 * @param size      bytes
 * @param mode      permission bits including setuid, setgid and sticky ({@code 07777})
 * @param uid       numeric owner
 * @param gid       numeric group
 * @param inode     inode number, so a replaced file is told from one edited in place
 * @param mtime     modification time, nanoseconds since the epoch
 * @param ctime     status change time, nanoseconds since the epoch; unlike mtime it cannot be set back by a user
 * @param symlink   whether the path is a symbolic link (not followed; its hash is {@code null})
 * @param sha256    content hash (32 bytes), or {@code null} for links and files larger than the hashing limit
 */
public record FileState(long size, int mode, int uid, int gid, long inode, long mtime, long ctime, boolean symlink,
                        byte[] sha256) {

    public FileState {
        if (sha256 != null && sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 has 32 bytes, got " + sha256.length);
        }
    }

    /**
     * Whether the content can be taken to be unchanged without reading it again: same inode, size, mtime and ctime.
     * Writing a file always moves its ctime, which no unprivileged call can set back.
     */
    public boolean sameContentStamp(FileState other) {
        return inode == other.inode && size == other.size && mtime == other.mtime && ctime == other.ctime
                && symlink == other.symlink;
    }

    /** A copy carrying {@code hash}, used when the content stamp shows the old hash still holds. */
    public FileState withHash(byte[] hash) {
        return new FileState(size, mode, uid, gid, inode, mtime, ctime, symlink, hash);
    }

    /** Whether the content differs: by hash when both are known, by size and mtime otherwise. */
    public boolean contentDiffers(FileState before) {
        if (sha256 != null && before.sha256 != null) {
            return !Arrays.equals(sha256, before.sha256);
        }
        return size != before.size || mtime != before.mtime || symlink != before.symlink;
    }

    /** Whether mode, owner or group differ. */
    public boolean attributesDiffer(FileState before) {
        return mode != before.mode || uid != before.uid || gid != before.gid;
    }

    /** The hash as lowercase hex, or {@code null}. */
    public String sha256Hex() {
        return sha256 == null ? null : HexFormat.of().formatHex(sha256);
    }

    /** The mode as ECS wants it: octal with at least four digits, e.g. {@code "0644"} or {@code "4755"}. */
    public String modeOctal() {
        return String.format("%04o", mode);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileState other && size == other.size && mode == other.mode && uid == other.uid
                && gid == other.gid && inode == other.inode && mtime == other.mtime && ctime == other.ctime
                && symlink == other.symlink && Arrays.equals(sha256, other.sha256);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(inode) * 31 + Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return "FileState[size=" + size + ", mode=" + modeOctal() + ", uid=" + uid + ", gid=" + gid + ", inode="
                + inode + ", symlink=" + symlink + ", sha256=" + sha256Hex() + "]";
    }
}
