package io.palisade.rules.functions;

import java.util.Locale;

/** Functions over Linux capability names as Docker accepts them that rules call from their conditions. */
public final class Capabilities {

    private static final String PREFIX = "CAP_";

    private Capabilities() {
    }

    /** The capability as the lists name it: {@code cap_sys_admin} and {@code CAP_SYS_ADMIN} give {@code SYS_ADMIN}. */
    public static String name(String capability) {
        if (capability == null) {
            return "";
        }
        String upper = capability.strip().toUpperCase(Locale.ROOT);
        return upper.startsWith(PREFIX) ? upper.substring(PREFIX.length()) : upper;
    }
}
