package io.palisade.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One thread's Drools session: the allow-lists and thresholds stay in it, each record's facts are inserted, fired
 * and deleted. Not thread-safe; {@link RuleEngine} gives every thread its own.
 */
final class RuleSession {

    private final KieSession session;
    private final Map<String, RuleMetadata> rulesByName;
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private Facts current;

    RuleSession(KieBase kieBase, Map<String, RuleMetadata> rulesByName, AllowLists allowLists,
                List<Threshold> thresholds) {
        this.session = kieBase.newKieSession();
        this.rulesByName = rulesByName;
        if (declaresListsGlobal(kieBase)) {
            session.setGlobal(AllowLists.GLOBAL, allowLists);
        }
        allowLists.all().forEach(session::insert);
        thresholds.forEach(session::insert);
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                RuleMetadata rule = RuleSession.this.rulesByName.get(event.getMatch().getRule().getName());
                findings.computeIfAbsent(rule.id(), id -> new Finding(rule,
                        rule.message().render(current.event()), rule.dedupKey().render(current.event())));
            }
        });
    }

    /** The findings for one record: at most one per rule, however many ways the rule matched. */
    List<Finding> evaluate(Facts facts) {
        current = facts;
        findings.clear();
        FactHandle event = session.insert(facts.event());
        FactHandle posture = facts.posture().map(session::insert).orElse(null);
        try {
            session.fireAllRules();
        } finally {
            session.delete(event);
            if (posture != null) {
                session.delete(posture);
            }
            current = null;
        }
        return List.copyOf(findings.values());
    }

    /** Drools refuses to set a global that no rule file declares. */
    private static boolean declaresListsGlobal(KieBase kieBase) {
        return kieBase.getKiePackages().stream().flatMap(p -> p.getGlobalVariables().stream())
                .anyMatch(global -> global.getName().equals(AllowLists.GLOBAL));
    }

    void dispose() {
        session.dispose();
    }
}
