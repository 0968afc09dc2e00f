package io.palisade.rules.functions;

/** Functions over ECS {@code file.mode} (octal permission text) and file paths that rules call from their conditions. */
public final class FileModes {

    private static final int SETUID = 04000;
    private static final int SETGID = 02000;
    private static final int ANY_EXECUTE = 0111;

    private FileModes() {
    }

    /** Whether the mode lets a program run with its owner's or group's identity; false when unknown. */
    public static boolean setuidOrSetgid(String mode) {
        return anyBit(mode, SETUID | SETGID);
    }

    /** Whether anyone may execute the file; false when unknown. */
    public static boolean executable(String mode) {
        return anyBit(mode, ANY_EXECUTE);
    }

    /** The last path element: {@code /root/.bashrc} gives {@code .bashrc}. */
    public static String fileName(String path) {
        return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    }

    /** Whether the file's name starts with a dot, which hides it from a plain {@code ls}. */
    public static boolean hidden(String path) {
        return fileName(path).startsWith(".");
    }

    private static boolean anyBit(String mode, int bits) {
        if (mode == null || !mode.matches("[0-7]{1,6}")) {
            return false;
        }
        return (Integer.parseInt(mode, 8) & bits) != 0;
    }
}
