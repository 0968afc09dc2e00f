package io.palisade.processor.inventory;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The query string of an inventory request, decoded; unknown parameters are refused so a typo never widens a query. */
record QueryParameters(Map<String, String> values) {

    /** Asks an instance to answer from its own stores only: set on the fan-out requests between instances. */
    static final String LOCAL = "local";

    static QueryParameters parse(String rawQuery, Set<String> allowed) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!allowed.contains(name) && !name.equals(LOCAL)) {
                    throw new BadQueryException("unknown parameter '" + name + "'; allowed: "
                            + String.join(", ", allowed.stream().sorted().toList()));
                }
                values.put(name, value);
            }
        }
        return new QueryParameters(Map.copyOf(values));
    }

    String get(String name) {
        return values.get(name);
    }

    boolean local() {
        return "true".equals(values.get(LOCAL));
    }

    /** A query string with these values (local excluded) and {@code local=true}: what an instance forwards. */
    static String localQuery(Map<String, String> values) {
        return Stream.concat(values.entrySet().stream()
                        .filter(e -> e.getValue() != null && !e.getKey().equals(LOCAL))
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())), Stream.of(LOCAL + "=true"))
                .collect(Collectors.joining("&"));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
