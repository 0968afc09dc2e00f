package io.palisade.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Names of the MITRE ATT&amp;CK techniques and tactics rules may cite, as data ({@code mitre.properties}), so a rule
 * names only an id ({@code @technique("T1611")}) and an unknown or mistyped id fails the load instead of reaching
 * an alert.
 */
final class MitreCatalog {

    private static final String RESOURCE = RuleDirectory.BUILTIN_RESOURCE + "/mitre.properties";

    private final Map<String, String> names;

    private MitreCatalog(Map<String, String> names) {
        this.names = names;
    }

    static MitreCatalog load() {
        try (InputStream in = MitreCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> names = new HashMap<>();
            properties.stringPropertyNames().forEach(id -> names.put(id, properties.getProperty(id)));
            return new MitreCatalog(Map.copyOf(names));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name of a technique ({@code T...}) or tactic ({@code TA...}) id, if the catalog knows it. */
    Optional<String> name(String id) {
        return Optional.ofNullable(names.get(id));
    }
}
