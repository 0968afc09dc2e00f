package io.palisade.rules;

/** Functions over ECS {@code file.mode} (octal permission text) that rules call from their conditions. */
public final class FileModes {

    private static final int SETUID = 04000;
    private static final int SETGID = 02000;

    private FileModes() {
    }

    /** Whether the mode lets a program run with its owner's or group's identity; false when unknown. */
    public static boolean setuidOrSetgid(String mode) {
        if (mode == null || !mode.matches("[0-7]{1,6}")) {
            return false;
        }
        return (Integer.parseInt(mode, 8) & (SETUID | SETGID)) != 0;
    }
}
