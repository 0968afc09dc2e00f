package io.palisade.collector.container;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges, on the host, whether an environment variable holds a secret, from its name and the shape of its value.
 * Only the verdict leaves the host, never the value. It errs on the side of "secret": a false alarm costs a look, a
 * missed secret costs a leak.
 */
public final class SecretHeuristics {

    /** Name parts that mean a credential, matched as whole parts of names split on {@code _ - .}. */
    private static final Set<String> SECRET_NAME_PARTS = Set.of("PASSWORD", "PASSWD", "PASS", "PASSPHRASE", "SECRET",
            "SECRETS", "TOKEN", "TOKENS", "KEY", "KEYS", "APIKEY", "CREDENTIAL", "CREDENTIALS", "CREDS", "AUTH",
            "PRIVATE", "SALT", "COOKIE");
    /** Words that mean a credential even when glued to others ({@code DBPASSWORD}, {@code GITHUBTOKEN}). */
    private static final Pattern SECRET_NAME_WORDS = Pattern.compile("PASSWORD|PASSWD|SECRET|TOKEN|APIKEY|CREDENTIAL");

    private static final Pattern AWS_ACCESS_KEY = Pattern.compile("\\b(AKIA|ASIA|AGPA|AROA|AIDA)[A-Z0-9]{16}\\b");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
    private static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z0-9 ]*(PRIVATE KEY|CERTIFICATE)-----");
    private static final Pattern URL_WITH_PASSWORD = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@");
    /** What a token looks like: one word of base64, base64url or hex characters. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9+/=_\\-.~]+");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final int MIN_TOKEN_LENGTH = 20;
    private static final int MIN_HEX_TOKEN_LENGTH = 32;
    /** Bits per character above which a mixed-character word is taken for random key material. */
    private static final double HIGH_ENTROPY_BITS = 3.5;

    private SecretHeuristics() {
    }

    /** Whether the variable looks like a secret; {@code value} may be {@code null} (a name without {@code =}). */
    public static boolean looksLikeSecret(String name, String value) {
        return nameLooksSecret(name) || (value != null && valueLooksSecret(value));
    }

    static boolean nameLooksSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String part : upper.split("[_\\-.]+")) {
            if (SECRET_NAME_PARTS.contains(part)) {
                return true;
            }
        }
        return SECRET_NAME_WORDS.matcher(upper).find();
    }

    static boolean valueLooksSecret(String value) {
        return AWS_ACCESS_KEY.matcher(value).find()
                || JWT.matcher(value).find()
                || PEM.matcher(value).find()
                || URL_WITH_PASSWORD.matcher(value).find()
                || looksRandom(value);
    }

    private static boolean looksRandom(String value) {
        if (!TOKEN_SHAPE.matcher(value).matches() || value.startsWith("/") || value.startsWith(".")) {
            return false; // words with spaces, and paths, are prose and configuration rather than key material
        }
        if (HEX.matcher(value).matches()) {
            return value.length() >= MIN_HEX_TOKEN_LENGTH;
        }
        return value.length() >= MIN_TOKEN_LENGTH && characterClasses(value) >= 2
                && shannonEntropy(value) >= HIGH_ENTROPY_BITS;
    }

    private static int characterClasses(String value) {
        boolean lower = value.chars().anyMatch(Character::isLowerCase);
        boolean upper = value.chars().anyMatch(Character::isUpperCase);
        boolean digit = value.chars().anyMatch(Character::isDigit);
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0);
    }

    static double shannonEntropy(String value) {
        int[] counts = new int[128];
        value.chars().forEach(c -> counts[c & 127]++);
        double entropy = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / value.length();
                entropy -= p * Math.log(p) / Math.log(2);
            }
        }
        return entropy;
    }
}
