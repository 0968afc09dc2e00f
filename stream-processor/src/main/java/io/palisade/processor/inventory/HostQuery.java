package io.palisade.processor.inventory;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which hosts {@code GET /inventory/hosts} lists: all, or with {@code stale} (ISO-8601 duration, e.g. PT5M) only
 * those whose last heartbeat is older than that, at {@code now} of the instance the user asked.
 */
public record HostQuery(Duration stale, Instant now) {

    static final Set<String> PARAMETERS = Set.of("stale", "now");

    public static HostQuery all(Instant now) {
        return new HostQuery(null, now);
    }

    /**
     * {@code now} is only sent between instances, so that every instance judges staleness against the same instant
     * as the one the user asked.
     */
    static HostQuery of(QueryParameters parameters, Instant defaultNow) {
        try {
            String stale = parameters.get("stale");
            String now = parameters.get("now");
            Duration staleAfter = stale == null || stale.isBlank() ? null : Duration.parse(stale);
            if (staleAfter != null && staleAfter.isNegative()) {
                throw new BadQueryException("stale must not be negative, not '" + stale + "'");
            }
            return new HostQuery(staleAfter, now == null ? defaultNow : Instant.parse(now));
        } catch (DateTimeParseException e) {
            throw new BadQueryException("stale must be an ISO-8601 duration such as PT5M: " + e.getParsedString());
        }
    }

    public boolean matches(HostView host) {
        return stale == null || Instant.parse(host.lastHeartbeat()).isBefore(now.minus(stale));
    }

    String localQueryString() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("stale", stale == null ? null : stale.toString());
        values.put("now", now.toString());
        return QueryParameters.localQuery(values);
    }
}
