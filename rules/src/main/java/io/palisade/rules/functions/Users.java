package io.palisade.rules.functions;

import java.util.Set;

/** Functions over user specifications ({@code Config.User}, {@code docker exec --user}) that rules call. */
public final class Users {

    private static final Set<String> ROOT = Set.of("root", "0");

    private Users() {
    }

    /**
     * Whether a container's configured user is root. Unset means the image's default user, which Docker makes root
     * unless the image says otherwise, and {@code docker inspect} already shows an image's own USER.
     */
    public static boolean root(String user) {
        if (user == null || user.isBlank()) {
            return true;
        }
        String name = user.strip().split(":", 2)[0];
        return ROOT.contains(name);
    }
}
