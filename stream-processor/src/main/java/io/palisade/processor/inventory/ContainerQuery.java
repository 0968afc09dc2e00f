package io.palisade.processor.inventory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which containers {@code GET /inventory/containers} lists: {@code privileged} (true/false), {@code image} (the
 * image name as run, e.g. nginx:1.27, or its repository without tag, e.g. nginx) and {@code host} (host name or
 * id); every given filter must match, none given lists all.
 */
public record ContainerQuery(Boolean privileged, String image, String host) {

    static final Set<String> PARAMETERS = Set.of("privileged", "image", "host");

    public static ContainerQuery all() {
        return new ContainerQuery(null, null, null);
    }

    static ContainerQuery of(QueryParameters parameters) {
        String privileged = parameters.get("privileged");
        if (privileged != null && !privileged.equals("true") && !privileged.equals("false")) {
            throw new BadQueryException("privileged must be true or false, not '" + privileged + "'");
        }
        return new ContainerQuery(privileged == null ? null : Boolean.valueOf(privileged),
                blankToNull(parameters.get("image")), blankToNull(parameters.get("host")));
    }

    public boolean matches(ContainerView container) {
        return (privileged == null || privileged == container.privileged())
                && (image == null || imageMatches(container.image()))
                && (host == null || host.equals(container.hostName()) || host.equals(container.hostId()));
    }

    /** The query string that asks another instance the same question from its local stores. */
    String localQueryString() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("privileged", privileged == null ? null : privileged.toString());
        values.put("image", image);
        values.put("host", host);
        return QueryParameters.localQuery(values);
    }

    private boolean imageMatches(String containerImage) {
        return containerImage != null && (containerImage.equals(image) || containerImage.startsWith(image + ":")
                || containerImage.startsWith(image + "@"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
