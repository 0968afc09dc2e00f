package io.palisade.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.kie.api.KieBase;

/**
 * The rule library, compiled once at start, evaluated once per record.
 *
 * <p>Each thread that calls {@link #evaluate} gets a session of its own holding the allow-lists and thresholds; a
 * record's facts are inserted, fired and deleted again, so Drools never holds a record's state beyond its call:
 * state that must survive a crash or a rebalance belongs to Kafka Streams (architecture.md). Safe to call from
 * several stream threads at once.
 */
public final class RuleEngine {

    private final ThreadLocal<RuleSession> sessions;
    private final Map<String, RuleMetadata> rulesByName;
    private final AllowLists allowLists;
    private final List<Threshold> thresholds;

    private RuleEngine(KieBase kieBase, Map<String, RuleMetadata> rulesByName, AllowLists allowLists,
            List<Threshold> thresholds) {
        this.sessions = ThreadLocal.withInitial(() -> new RuleSession(kieBase, rulesByName, allowLists, thresholds));
        this.rulesByName = rulesByName;
        this.allowLists = allowLists;
        this.thresholds = thresholds;
    }

    /**
     * Compiles the built-in library plus the DRL and allow-lists of each extra directory.
     *
     * @throws RuleCompilationException listing every problem as {@code file:line: message}: syntax and type errors,
     *         incomplete metadata, duplicate ids, allow-lists named that do not exist, and any compiler warning in
     *         a built-in file
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
        AllowLists allowLists = new AllowLists(AllowListLoader.load(directories));
        problems.addAll(ListReferences.unknown(files, allowLists));
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        return new RuleEngine(kieBase, rulesByName, allowLists, thresholds);
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
        return allowLists.all();
    }

    public List<Threshold> thresholds() {
        return thresholds;
    }

    /**
     * The findings for one record: at most one per rule, however many ways the rule matched. Each calling thread
     * evaluates in a session of its own that holds the allow-lists and thresholds for good (inserting them anew
     * for every record cost most of an evaluation); only the record's own facts come and go.
     */
    public List<Finding> evaluate(Facts facts) {
        RuleSession session = sessions.get();
        try {
            return session.evaluate(facts);
        } catch (RuntimeException e) {
            // A rule that threw may have left the session's agenda half fired: start the next record afresh.
            sessions.remove();
            session.dispose();
            throw e;
        }
    }
}
