package io.palisade.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles DRL text into a {@link KieBase} with the classic (interpreted DRL) compiler, because user rule
 * directories arrive at run time and cannot be compiled into Java ahead of time.
 *
 * <p>Built with a {@link KnowledgeBuilder} rather than a KieModule: no module repository to clean up, and builder
 * options can be set without the XML support a kmodule.xml needs.
 *
 * <p>Every compiler message is reported, not only the first. A warning in a built-in file is a problem too:
 * a warning today is a rule that silently misbehaves after an upgrade.
 */
final class DrlCompiler {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

    private DrlCompiler() {
    }

    /** @throws RuleCompilationException with every problem, located as {@code file:line} */
    static KieBase compile(List<RuleFile> files) {
        KnowledgeBuilderConfiguration configuration = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
        // Property reactivity re-evaluates a pattern only when a property it reads is modified. Rules here never
        // modify a fact (the consequence stays empty), so it buys nothing, and Drools logs a warning for every
        // condition that does not start with a property of its pattern, such as lists.named("x").contains(name).
        configuration.setOption(PropertySpecificOption.ALLOWED);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(configuration);
        Map<String, RuleFile> byPath = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            // Numbered names: two directories may both hold a "process.drl". The folder is the package, as the
            // builder expects (it logs a warning otherwise).
            String path = folder(files.get(i)) + "f" + i + "-" + fileName(files.get(i));
            builder.add(ResourceFactory.newByteArrayResource(files.get(i).text().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(path), ResourceType.DRL);
            byPath.put(path, files.get(i));
        }
        List<RuleProblem> problems = problems(builder.getResults(ResultSeverity.values()), byPath);
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        return builder.newKieBase();
    }

    /** Which compiler results fail the load: errors anywhere, and anything at all in a built-in file. */
    static List<RuleProblem> problems(Collection<KnowledgeBuilderResult> results, Map<String, RuleFile> byPath) {
        List<RuleProblem> problems = new ArrayList<>();
        for (KnowledgeBuilderResult result : results) {
            String path = result.getResource() == null ? null : result.getResource().getSourcePath();
            RuleFile file = byPath.get(path);
            boolean builtIn = file == null || file.builtIn();
            boolean error = result.getSeverity() == ResultSeverity.ERROR;
            if (error || builtIn) {
                String name = file == null ? String.valueOf(path) : file.name();
                String text = error ? result.getMessage()
                        : result.getSeverity() + " (not allowed in built-in rules): " + result.getMessage();
                int line = result.getLines() == null || result.getLines().length == 0 ? 0 : result.getLines()[0];
                problems.add(new RuleProblem(name, Math.max(0, line), text.strip()));
            }
        }
        return problems;
    }

    private static String folder(RuleFile file) {
        Matcher pkg = PACKAGE.matcher(file.text());
        return pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
    }

    private static String fileName(RuleFile file) {
        String name = file.name();
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1);
    }
}
