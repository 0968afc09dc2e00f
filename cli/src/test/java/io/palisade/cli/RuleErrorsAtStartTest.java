package io.palisade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A broken rule file stops the command that loads it, naming the file and line, before anything else starts. */
class RuleErrorsAtStartTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;

    @TempDir
    Path rules;

    @BeforeEach
    void capture() throws Exception {
        originalErr = System.err;
        originalOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        Files.writeString(rules.resolve("broken.drl"), """
                package user.rules;

                rule "half written"
                when
                  ProcessEvent(
                then
                end
                """);
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    @Test
    void rulesValidateReportsFileAndLineAndFails() {
        int exit = new CommandLine(new Palisade()).execute("rules", "validate", rules.toString());

        assertThat(exit).isEqualTo(RulesCommand.RULES_FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(rules.resolve("broken.drl") + ":7:");
    }

    @Test
    void theProcessorRefusesToStartWithABrokenRuleFile() {
        // No broker at this address: the processor must stop on the rules before it ever tries to connect.
        int exit = new CommandLine(new Palisade()).execute("processor", "--bootstrap-server", "127.0.0.1:1",
                "--rules", rules.toString());

        assertThat(exit).isEqualTo(RulesCommand.RULES_FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("rules do not compile")
                .contains(rules.resolve("broken.drl") + ":7:");
    }

    @Test
    void theBuiltInRulesPassTheirFixtures() {
        int exit = new CommandLine(new Palisade()).execute("rules", "test");

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("\\d+ passed, 0 failed, 0 missing");
    }
}
