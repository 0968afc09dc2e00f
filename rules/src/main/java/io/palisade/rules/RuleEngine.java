package io.palisade.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * The rule library, compiled once at start, evaluated once per record.
 *
 * <p>Each {@link #evaluate} takes a session from a pool, inserts the record's facts, the allow-lists and the
 * thresholds, fires, and disposes the session, which empties it back into the pool: Drools never holds state
 * between records, because state that must survive a crash or a rebalance belongs to Kafka Streams (architecture.md). The pool only saves
 * building a session per record. Safe to call from several stream threads at once.
 */
public final class RuleEngine {

    /** Initial size, one per stream thread of a typical instance; the pool grows when more evaluate at once. */
    private static final int POOLED_SESSIONS = 8;

    private final KieSessionsPool sessions;
    private final Map<String, RuleMetadata> rulesByName;
    private final List<AllowList> allowLists;
    private final List<Threshold> thresholds;

    private RuleEngine(KieBase kieBase, Map<String, RuleMetadata> rulesByName, List<AllowList> allowLists,
            List<Threshold> thresholds) {
        this.sessions = kieBase.newKieSessionsPool(POOLED_SESSIONS);
        this.rulesByName = rulesByName;
        this.allowLists = allowLists;
        this.thresholds = thresholds;
    }

    /**
     * Compiles the built-in library plus the DRL and allow-lists of each extra directory.
     *
     * @throws RuleCompilationException listing every problem as {@code file:line: message}: syntax and type errors,
     *         incomplete metadata, duplicate ids, and any compiler warning in a built-in file
     */
    public static RuleEngine load(List<Path> extraRuleDirs) {
        List<RuleDirectory> directories = Stream.concat(Stream.of(RuleDirectory.builtin()),
                extraRuleDirs.stream().map(RuleDirectory::user)).toList();
        List<RuleFile> files = directories.stream().flatMap(d -> d.ruleFiles().stream()).toList();

        List<RuleProblem> problems = new ArrayList<>();
        Map<String, RuleMetadata> rulesByName = metadata(files, problems);
        KieBase kieBase = null;
        try {
            kieBase = DrlCompiler.compile(files);
        } catch (RuleCompilationException e) {
            problems.addAll(e.problems());
        }
        if (kieBase != null) {
            unread(kieBase, rulesByName).forEach(problems::add);
        }
        List<Threshold> thresholds = List.of();
        try {
            thresholds = ThresholdLoader.load(directories);
        } catch (RuleCompilationException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        return new RuleEngine(kieBase, rulesByName, AllowListLoader.load(directories), thresholds);
    }

    private static Map<String, RuleMetadata> metadata(List<RuleFile> files, List<RuleProblem> problems) {
        RuleMetadataReader reader = new RuleMetadataReader(MitreCatalog.load());
        Map<String, RuleMetadata> byName = new LinkedHashMap<>();
        Map<String, RuleMetadata> byId = new HashMap<>();
        for (RuleFile file : files) {
            for (RuleMetadata rule : reader.read(file, problems)) {
                RuleMetadata sameName = byName.putIfAbsent(rule.name(), rule);
                RuleMetadata sameId = byId.putIfAbsent(rule.id(), rule);
                if (sameName != null) {
                    problems.add(new RuleProblem(file.name(), 0,
                            "rule name \"" + rule.name() + "\" also used in " + sameName.file()));
                }
                if (sameId != null) {
                    problems.add(new RuleProblem(file.name(), 0,
                            "rule id " + rule.id() + " also used by \"" + sameId.name() + "\" in " + sameId.file()));
                }
            }
        }
        return byName;
    }

    /** Rules the compiler built but whose metadata could not be read: they could never become alerts. */
    private static Stream<RuleProblem> unread(KieBase kieBase, Map<String, RuleMetadata> rulesByName) {
        return kieBase.getKiePackages().stream()
                .flatMap(pkg -> pkg.getRules().stream())
                .filter(rule -> !rulesByName.containsKey(rule.getName()))
                .map(rule -> new RuleProblem(rule.getPackageName(), 0,
                        "rule \"" + rule.getName() + "\": metadata could not be read"));
    }

    /** Every loaded rule, built-in first, in file order. */
    public List<RuleMetadata> rules() {
        return List.copyOf(rulesByName.values());
    }

    public List<AllowList> allowLists() {
        return allowLists;
    }

    public List<Threshold> thresholds() {
        return thresholds;
    }

    /** The findings for one record: at most one per rule, however many ways the rule matched. */
    public List<Finding> evaluate(Facts facts) {
        Map<String, Finding> findings = new LinkedHashMap<>();
        AgendaEventListener collector = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                RuleMetadata rule = rulesByName.get(event.getMatch().getRule().getName());
                findings.computeIfAbsent(rule.id(), id -> new Finding(rule,
                        rule.message().render(facts.event()), rule.dedupKey().render(facts.event())));
            }
        };
        KieSession session = sessions.newKieSession();
        try {
            session.addEventListener(collector);
            allowLists.forEach(session::insert);
            thresholds.forEach(session::insert);
            session.insert(facts.event());
            facts.posture().ifPresent(session::insert);
            session.fireAllRules();
        } finally {
            session.removeEventListener(collector);
            // Returns the session to the pool emptied: nothing of this record is left for the next.
            session.dispose();
        }
        return List.copyOf(findings.values());
    }
}
