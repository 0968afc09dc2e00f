package io.palisade.collector.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretHeuristicsTest {

    @ParameterizedTest(name = "{0} is a secret name")
    @CsvSource({"DB_PASSWORD", "SECRET_TOKEN", "GITHUB_TOKEN", "githubtoken", "AWS_SECRET_ACCESS_KEY", "API_KEY",
            "STRIPE_APIKEY", "GOOGLE_APPLICATION_CREDENTIALS", "REGISTRY_AUTH", "SSH_PRIVATE_KEY", "mysql-root-passwd",
            "DBPASSWORD", "VAULT_CREDS"})
    void secretNamesAreFlaggedWhateverTheValue(String name) {
        assertThat(SecretHeuristics.looksLikeSecret(name, "x")).isTrue();
        assertThat(SecretHeuristics.looksLikeSecret(name, null)).isTrue();
    }

    @ParameterizedTest(name = "{0}={1} is not a secret")
    @CsvSource(delimiter = '|', value = {
            "PATH|/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "PWD|/",
            "HOME|/root",
            "LANG|en_US.UTF-8",
            "JAVA_HOME|/usr/lib/jvm/temurin-21-jdk-amd64/jre/lib/server",
            "GREETING|hello world",
            "KEYBOARD_LAYOUT|us",
            "AUTHOR|Jane Doe",
            "SPRING_PROFILES_ACTIVE|production,metrics,kubernetes",
            "JAVA_VERSION|jdk-21.0.5+11",
            "SERVICE_URL|https://api.example.com/v1/orders"})
    void ordinaryVariablesAreNotFlagged(String name, String value) {
        assertThat(SecretHeuristics.looksLikeSecret(name, value)).isFalse();
    }

    @ParameterizedTest(name = "a value like {1} is a secret")
    @CsvSource(delimiter = '|', value = {
            "aws access key id|AKIAIOSFODNN7EXAMPLE",
            "jwt|eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "pem private key|-----BEGIN RSA PRIVATE KEY-----",
            "url with password|postgres://app:s3cr3t@db:5432/orders",
            "random base64|Zk9xR2t3bVNlY3JldEtleTEyMzQ1Njc4OTA=",
            "random base62|q8ZrT4mWx2LpN7vKc9BdYs3H",
            "hex key|9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"})
    void secretLookingValuesAreFlaggedWhateverTheName(String kind, String value) {
        assertThat(SecretHeuristics.looksLikeSecret("SETTING", value)).as(kind).isTrue();
    }

    @ParameterizedTest(name = "entropy of {0} is {1}")
    @CsvSource({"aaaa, 0.0", "abab, 1.0", "abcd, 2.0"})
    void entropyIsShannonsInBitsPerCharacter(String value, double bits) {
        assertThat(SecretHeuristics.shannonEntropy(value)).isEqualTo(bits);
    }
}
