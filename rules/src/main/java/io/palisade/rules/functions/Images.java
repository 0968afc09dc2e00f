package io.palisade.rules.functions;

/**
 * Functions over image references ({@code container.image.name}) that rules call from their conditions. Docker's
 * short forms are expanded the way the engine resolves them: {@code nginx:1.27} is
 * {@code docker.io/library/nginx:1.27}.
 */
public final class Images {

    private static final String DOCKER_HUB = "docker.io";
    private static final String OFFICIAL = "library/";

    private Images() {
    }

    /** The registry host, {@code docker.io} when the reference names none; empty when unknown. */
    public static String registry(String reference) {
        if (reference == null || reference.isBlank()) {
            return "";
        }
        int slash = reference.indexOf('/');
        String first = slash < 0 ? "" : reference.substring(0, slash);
        // Docker's own test: a first component is a registry when it looks like a host.
        boolean host = first.contains(".") || first.contains(":") || first.equals("localhost");
        return host ? first : DOCKER_HUB;
    }

    /**
     * The repository without tag or digest, as people write it: Docker Hub's {@code docker.io/} and
     * {@code library/} dropped, any other registry kept. {@code docker.io/library/nginx:1.27} and
     * {@code nginx@sha256:...} both give {@code nginx}; {@code registry.k8s.io/pause:3.10} gives
     * {@code registry.k8s.io/pause}; empty when unknown.
     */
    public static String repository(String reference) {
        if (reference == null || reference.isBlank()) {
            return "";
        }
        String name = reference;
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            name = name.substring(0, colon);
        }
        if (name.startsWith(DOCKER_HUB + "/")) {
            name = name.substring(DOCKER_HUB.length() + 1);
        }
        return name.startsWith(OFFICIAL) ? name.substring(OFFICIAL.length()) : name;
    }

    /** Whether the reference pins the image's content by digest ({@code name@sha256:...}), not a movable tag. */
    public static boolean pinnedByDigest(String reference) {
        return reference != null && reference.contains("@sha256:");
    }
}
