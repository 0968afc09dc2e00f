package io.palisade.rules;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.palisade.schema.Severity;
import io.palisade.schema.Threat;
import io.palisade.schema.ThreatTactic;
import io.palisade.schema.ThreatTechnique;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Reads and checks the metadata annotations of every rule in a DRL file:
 *
 * <pre>
 * rule "Terminal shell in container"
 *     &#64;id("PAL-PROC-001") &#64;severity("NOTICE") &#64;technique("T1059.004") &#64;tactic("TA0002")
 *     &#64;tags("container, shell") &#64;description("...") &#64;message("Shell {process.name} in {container.name}")
 *     &#64;dedup("{container.id}")   // optional, defaults to {host.id}/{container.id}
 * </pre>
 *
 * A rule missing any required annotation, or citing an unknown severity or ATT&amp;CK id, is a problem at the rule's
 * line: a finding without them could not become a complete {@code Alert}. Rules that map to no technique say so
 * with {@code @technique("none")} rather than by omission.
 */
final class RuleMetadataReader {

    static final String NO_TECHNIQUE = "none";
    private static final String DEFAULT_DEDUP = "{host.id}/{container.id}";
    private static final Pattern ID = Pattern.compile("[A-Z]+-[A-Z]+-[0-9]{3}");
    private static final List<String> REQUIRED = List.of("id", "severity", "technique", "description", "message");

    private final MitreCatalog mitre;

    RuleMetadataReader(MitreCatalog mitre) {
        this.mitre = mitre;
    }

    /**
     * Metadata of every rule in the file, adding a problem for each rule whose metadata is incomplete. Syntax errors
     * are left to the compiler, which reports them with better positions.
     */
    List<RuleMetadata> read(RuleFile file, List<RuleProblem> problems) {
        PackageDescr pkg;
        DrlParser parser = new DrlParser();
        try {
            pkg = parser.parse(false, new StringReader(file.text()));
        } catch (DroolsParserException e) {
            return List.of();
        }
        if (pkg == null || parser.hasErrors()) {
            return List.of();
        }
        List<RuleMetadata> rules = new ArrayList<>();
        for (RuleDescr rule : pkg.getRules()) {
            new Checked(file, rule, problems).metadata().ifPresent(rules::add);
        }
        return rules;
    }

    /** One rule's annotations, recording a problem for each thing wrong with them. */
    private final class Checked {
        private final RuleFile file;
        private final RuleDescr rule;
        private final List<RuleProblem> problems;
        private final int before;

        Checked(RuleFile file, RuleDescr rule, List<RuleProblem> problems) {
            this.file = file;
            this.rule = rule;
            this.problems = problems;
            this.before = problems.size();
        }

        Optional<RuleMetadata> metadata() {
            REQUIRED.stream().filter(name -> value(name).isEmpty())
                    .forEach(name -> problem("missing @" + name + "(...)"));
            String id = value("id").orElse("");
            if (!id.isEmpty() && !ID.matcher(id).matches()) {
                problem("@id \"" + id + "\" is not of the form PAL-AREA-000");
            }
            Severity severity = value("severity").map(this::severity).orElse(null);
            Optional<Threat> threat = value("technique").flatMap(this::threat);
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new RuleMetadata(id, rule.getName(), severity, threat, tags(),
                    value("description").orElseThrow(), new MessageTemplate(value("message").orElseThrow()),
                    new MessageTemplate(value("dedup").orElse(DEFAULT_DEDUP)), file.name()));
        }

        private Severity severity(String name) {
            try {
                return Severity.valueOf(name);
            } catch (IllegalArgumentException e) {
                problem("@severity \"" + name + "\" is not one of " + Arrays.toString(Severity.values()));
                return null;
            }
        }

        private Optional<Threat> threat(String techniqueId) {
            Optional<String> tacticId = value("tactic");
            if (techniqueId.equals(NO_TECHNIQUE)) {
                tacticId.ifPresent(t -> problem("@tactic given for a rule with @technique(\"none\")"));
                return Optional.empty();
            }
            Optional<String> technique = known(techniqueId, "@technique");
            if (tacticId.isEmpty()) {
                problem("missing @tactic(...) for technique " + techniqueId);
                return Optional.empty();
            }
            Optional<String> tactic = known(tacticId.get(), "@tactic");
            if (technique.isEmpty() || tactic.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Threat.newBuilder()
                    .setTechnique(new ThreatTechnique(techniqueId, technique.get()))
                    .setTactic(new ThreatTactic(tacticId.get(), tactic.get()))
                    .build());
        }

        private Optional<String> known(String id, String annotation) {
            Optional<String> name = mitre.name(id);
            if (name.isEmpty()) {
                problem(annotation + " \"" + id + "\" is not in mitre.properties");
            }
            return name;
        }

        private List<String> tags() {
            return value("tags").stream()
                    .flatMap(tags -> Arrays.stream(tags.split(",")))
                    .map(String::strip)
                    .filter(tag -> !tag.isEmpty())
                    .toList();
        }

        private Optional<String> value(String name) {
            AnnotationDescr annotation = rule.getAnnotation(name);
            if (annotation == null || !annotation.hasValue()) {
                return Optional.empty();
            }
            String value = AnnotationDescr.unquote(annotation.getSingleValueAsString()).strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        private void problem(String message) {
            problems.add(new RuleProblem(file.name(), rule.getLine(), "rule \"" + rule.getName() + "\": " + message));
        }
    }
}
