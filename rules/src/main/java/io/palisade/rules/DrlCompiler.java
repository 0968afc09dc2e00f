package io.palisade.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles DRL text into a {@link KieBase} with the classic (interpreted DRL) compiler, because user rule
 * directories arrive at run time and cannot be compiled into Java ahead of time.
 *
 * <p>Every compiler message is reported, not only the first. A warning in a built-in file is a problem too
 * (architecture convention 9): a warning today is a rule that silently misbehaves after an upgrade.
 */
final class DrlCompiler {

    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

    private DrlCompiler() {
    }

    /** @throws RuleCompilationException with every problem, located as {@code file:line} */
    static KieBase compile(List<RuleFile> files) {
        KieServices kie = KieServices.get();
        // A release id of its own per build, so engines loaded side by side never replace each other's module.
        ReleaseId release = kie.newReleaseId("io.palisade.rules", "loaded-" + BUILDS.incrementAndGet(), "1");
        KieFileSystem fs = kie.newKieFileSystem().generateAndWritePomXML(release);
        Map<String, RuleFile> byPath = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            // Numbered names: two directories may both hold a "process.drl". The folder is the package, as the
            // builder expects (it logs a warning otherwise).
            String path = folder(files.get(i)) + "f" + i + "-" + fileName(files.get(i));
            fs.write(RESOURCES + path, files.get(i).text());
            byPath.put(path, files.get(i));
        }
        KieBuilder builder = kie.newKieBuilder(fs).buildAll(DrlProject.class);
        List<RuleProblem> problems = problems(builder.getResults().getMessages(), byPath);
        if (!problems.isEmpty()) {
            kie.getRepository().removeKieModule(release);
            throw new RuleCompilationException(problems);
        }
        try {
            return kie.newKieContainer(release).getKieBase();
        } finally {
            kie.getRepository().removeKieModule(release);
        }
    }

    /** Which compiler messages fail the load: errors anywhere, and anything at all in a built-in file. */
    static List<RuleProblem> problems(List<Message> messages, Map<String, RuleFile> byPath) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Message message : messages) {
            RuleFile file = byPath.get(message.getPath());
            boolean builtIn = file == null || file.builtIn();
            if (message.getLevel() == Message.Level.ERROR || builtIn) {
                String name = file == null ? String.valueOf(message.getPath()) : file.name();
                String text = message.getLevel() == Message.Level.ERROR
                        ? message.getText()
                        : message.getLevel() + " (not allowed in built-in rules): " + message.getText();
                problems.add(new RuleProblem(name, Math.max(0, message.getLine()), text.strip()));
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
