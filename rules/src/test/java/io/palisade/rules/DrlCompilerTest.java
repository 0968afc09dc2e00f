package io.palisade.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kie.api.io.Resource;
import org.kie.internal.builder.InternalMessage;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

/**
 * Which compiler results fail a load. Drools 10's DRL compiler reports few warnings, so the check is tested on
 * results directly: the rule is that a built-in file may have none at all.
 */
class DrlCompilerTest {

    private static final RuleFile BUILTIN = new RuleFile("builtin:process.drl", "", true);
    private static final RuleFile USER = new RuleFile("/etc/palisade/rules/mine.drl", "", false);
    private static final Map<String, RuleFile> FILES = Map.of("f0/process.drl", BUILTIN, "f1/mine.drl", USER);

    @Test
    void warningInBuiltinFileFailsTheLoad() {
        List<RuleProblem> problems = DrlCompiler.problems(
                List.of(result(ResultSeverity.WARNING, "f0/process.drl", 12, "something suspicious")), FILES);

        assertThat(problems).containsExactly(new RuleProblem("builtin:process.drl", 12,
                "WARNING (not allowed in built-in rules): something suspicious"));
    }

    @Test
    void warningInUserFileDoesNotFailTheLoad() {
        assertThat(DrlCompiler.problems(
                List.of(result(ResultSeverity.WARNING, "f1/mine.drl", 3, "something suspicious")), FILES)).isEmpty();
    }

    @Test
    void errorInUserFileFailsTheLoadNamedAsTheUserNamedIt() {
        assertThat(DrlCompiler.problems(List.of(result(ResultSeverity.ERROR, "f1/mine.drl", 3, "bad\n")), FILES))
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

    private static KnowledgeBuilderResult result(ResultSeverity severity, String path, int line, String text) {
        return new KnowledgeBuilderResult() {
            @Override
            public ResultSeverity getSeverity() {
                return severity;
            }

            @Override
            public String getMessage() {
                return text;
            }

            @Override
            public int[] getLines() {
                return new int[] {line};
            }

            @Override
            public Resource getResource() {
                return ResourceFactory.newByteArrayResource(new byte[0]).setSourcePath(path);
            }

            @Override
            public InternalMessage asMessage(long id) {
                throw new UnsupportedOperationException("not used by DrlCompiler");
            }
        };
    }
}
