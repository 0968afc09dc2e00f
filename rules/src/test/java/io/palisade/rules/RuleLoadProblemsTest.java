package io.palisade.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user rule directory that is wrong fails the load with every problem located as file:line. */
class RuleLoadProblemsTest {

    private static final String HEADER = """
            package user.rules
            import io.palisade.schema.ProcessEvent
            """;

    @TempDir
    Path dir;

    @Test
    void syntaxErrorIsReportedWithFileAndLine() throws IOException {
        Path drl = write("broken.drl", HEADER + """
                rule "Broken"
                    @id("USR-PROC-001") @severity("NOTICE") @technique("none") @description("d") @message("m")
                when
                    ProcessEvent(process.name == "x"
                then
                end
                """);

        RuleCompilationException e = load();

        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(drl.toString());
            assertThat(p.line()).isEqualTo(7);
        });
        assertThat(e.getMessage()).contains(drl + ":7: ");
    }

    @Test
    void unknownFactTypeIsReportedAtItsLine() throws IOException {
        Path drl = write("unknown.drl", HEADER + """
                rule "Unknown type"
                    @id("USR-PROC-001") @severity("NOTICE") @technique("none") @description("d") @message("m")
                when
                    NoSuchEvent()
                then
                end
                """);

        assertThat(load().problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(drl.toString());
            assertThat(p.message()).contains("NoSuchEvent");
        });
    }

    @Test
    void everyMetadataProblemOfEveryRuleIsReportedAtTheRuleLine() throws IOException {
        Path drl = write("meta.drl", HEADER + """
                rule "No metadata"
                when
                    ProcessEvent()
                then
                end

                rule "Bad values"
                    @id("proc-1") @severity("SEVERE") @technique("T9999") @description("d") @message("m")
                when
                    ProcessEvent()
                then
                end
                """);

        List<String> problems = load().problems().stream().map(RuleProblem::toString).toList();

        assertThat(problems).contains(
                drl + ":3: rule \"No metadata\": missing @id(...)",
                drl + ":3: rule \"No metadata\": missing @severity(...)",
                drl + ":3: rule \"No metadata\": missing @technique(...)",
                drl + ":3: rule \"No metadata\": missing @description(...)",
                drl + ":3: rule \"No metadata\": missing @message(...)",
                drl + ":9: rule \"Bad values\": @id \"proc-1\" is not of the form PAL-AREA-000",
                drl + ":9: rule \"Bad values\": @technique \"T9999\" is not in mitre.properties",
                drl + ":9: rule \"Bad values\": missing @tactic(...) for technique T9999");
        assertThat(problems).anyMatch(p -> p.startsWith(drl + ":9: rule \"Bad values\": @severity \"SEVERE\""));
    }

    @Test
    void ruleIdAlreadyUsedByABuiltinRuleIsAProblem() throws IOException {
        Path drl = write("dup.drl", HEADER + """
                rule "My own shell rule"
                    @id("PAL-PROC-001") @severity("NOTICE") @technique("none") @description("d") @message("m")
                when
                    ProcessEvent()
                then
                end
                """);

        assertThat(load().problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(drl.toString());
            assertThat(p.message()).contains("PAL-PROC-001 also used by \"Terminal shell in container\"");
        });
    }

    @Test
    void allowListNamedThatDoesNotExistIsReportedAtItsLine() throws IOException {
        Path drl = write("lists.drl", HEADER + """
                global io.palisade.rules.AllowLists lists
                rule "Misspelt list"
                    @id("USR-PROC-001") @severity("NOTICE") @technique("none") @description("d") @message("m")
                when
                    ProcessEvent(lists.named("network_tool").contains(process.name))
                then
                end
                """);

        assertThat(load().problems()).extracting(RuleProblem::toString).containsExactly(drl
                + ":7: no allow-list named \"network_tool\" (a lists/network_tool.txt in this or the built-in directory)");
    }

    @Test
    void validUserRuleLoadsBesideTheBuiltinOnes() throws IOException {
        write("ok.drl", HEADER + """
                rule "Anything"
                    @id("USR-PROC-001") @severity("DEBUG") @technique("none") @description("d") @message("m")
                when
                    ProcessEvent()
                then
                end
                """);

        RuleEngine engine = RuleEngine.load(List.of(dir));

        assertThat(engine.rules()).extracting(RuleMetadata::id).contains("USR-PROC-001", "PAL-PROC-001");
        assertThat(engine.rules()).filteredOn(r -> r.id().equals("USR-PROC-001"))
                .singleElement().satisfies(r -> assertThat(r.threat()).isEmpty());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private RuleCompilationException load() {
        return catchThrowableOfType(RuleCompilationException.class, () -> RuleEngine.load(List.of(dir)));
    }
}
