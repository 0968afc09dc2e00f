package io.palisade.collector.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves uids to the host's user names from its passwd file, re-read at most once a minute so an account added
 * later is found without reading the file on every exec. Uids of container users usually resolve to nothing.
 */
final class UserNames {

    private static final Duration REFRESH = Duration.ofMinutes(1);

    private final Path passwd;
    private final Clock clock;
    private Map<Long, String> names = Map.of();
    private Instant loaded = Instant.MIN;

    UserNames(Path passwd, Clock clock) {
        this.passwd = passwd;
        this.clock = clock;
    }

    static UserNames host() {
        return new UserNames(Path.of("/etc/passwd"), Clock.systemUTC());
    }

    synchronized Optional<String> name(long uid) {
        if (!names.containsKey(uid) && clock.instant().isAfter(loaded.plus(REFRESH))) {
            names = load();
            loaded = clock.instant();
        }
        return Optional.ofNullable(names.get(uid));
    }

    private Map<Long, String> load() {
        Map<Long, String> byUid = new HashMap<>();
        try {
            for (String line : Files.readAllLines(passwd)) {
                String[] fields = line.split(":");
                if (fields.length > 2) {
                    try {
                        byUid.putIfAbsent(Long.parseLong(fields[2]), fields[0]);
                    } catch (NumberFormatException e) {
                        // a malformed line names no uid; the other lines still count
                    }
                }
            }
        } catch (IOException e) {
            return names; // keep what was known; the next miss after REFRESH tries again
        }
        return byUid;
    }
}
