package io.palisade.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kie.api.builder.Message;

/**
 * Which compiler messages fail a load. Drools 10's DRL compiler reports few warnings, so the check is tested on
 * messages directly: the rule is that a built-in file may have none at all (architecture convention 9).
 */
class DrlCompilerTest {

    private static final RuleFile BUILTIN = new RuleFile("builtin:process.drl", "", true);
    private static final RuleFile USER = new RuleFile("/etc/palisade/rules/mine.drl", "", false);
    private static final Map<String, RuleFile> FILES = Map.of("f0/process.drl", BUILTIN, "f1/mine.drl", USER);

    @Test
    void warningInBuiltinFileFailsTheLoad() {
        List<RuleProblem> problems = DrlCompiler.problems(
                List.of(message(Message.Level.WARNING, "f0/process.drl", 12, "something suspicious")), FILES);

        assertThat(problems).containsExactly(new RuleProblem("builtin:process.drl", 12,
                "WARNING (not allowed in built-in rules): something suspicious"));
    }

    @Test
    void warningInUserFileDoesNotFailTheLoad() {
        assertThat(DrlCompiler.problems(
                List.of(message(Message.Level.WARNING, "f1/mine.drl", 3, "something suspicious")), FILES)).isEmpty();
    }

    @Test
    void errorInUserFileFailsTheLoadNamedAsTheUserNamedIt() {
        assertThat(DrlCompiler.problems(List.of(message(Message.Level.ERROR, "f1/mine.drl", 3, "bad\n")), FILES))
                .containsExactly(new RuleProblem("/etc/palisade/rules/mine.drl", 3, "bad"));
    }

    @Test
    void compilesCleanDrl() {
        RuleFile clean = new RuleFile("builtin:clean.drl", """
                package t
                rule "Clean" when String() then end
                """, true);

        assertThat(DrlCompiler.compile(List.of(clean)).getRule("t", "Clean")).isNotNull();
    }

    private static Message message(Message.Level level, String path, int line, String text) {
        return new Message() {
            @Override
            public long getId() {
                return 1;
            }

            @Override
            public Level getLevel() {
                return level;
            }

            @Override
            public String getPath() {
                return path;
            }

            @Override
            public int getLine() {
                return line;
            }

            @Override
            public int getColumn() {
                return 0;
            }

            @Override
            public String getText() {
                return text;
            }
        };
    }
}
