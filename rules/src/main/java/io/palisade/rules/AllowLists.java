package io.palisade.rules;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The allow-lists by name, given to every session as the global {@value #GLOBAL}, which rules declare with
 * {@code global io.palisade.rules.AllowLists lists}.
 *
 * <p>Why a global and not only the {@link AllowList} facts: a condition on the global is part of the event's own
 * pattern, so Drools tests it in the alpha network when the event is inserted and drops a non-matching event there.
 * A join against an {@code AllowList} fact instead builds a tuple for every event that passes the event pattern and
 * evaluates the join constraint in the interpreter; on the built-in library that took twice the time per event.
 * Lists never change once loaded, which is what the Drools documentation asks of a global used in a condition.
 */
public final class AllowLists {

    /** The global's name in DRL. */
    public static final String GLOBAL = "lists";

    private final List<AllowList> all;
    private final Map<String, AllowList> byName;

    AllowLists(List<AllowList> lists) {
        this.all = List.copyOf(lists);
        this.byName = lists.stream().collect(Collectors.toUnmodifiableMap(AllowList::name, Function.identity()));
    }

    /** Every list, also inserted into each session as a fact for rules that join against them. */
    List<AllowList> all() {
        return all;
    }

    /**
     * The list of that name.
     *
     * @throws IllegalArgumentException for a name no list has; {@link RuleEngine#load} rejects a rule file naming
     *         such a list, so that a misspelt list name fails at start instead of never matching
     */
    public AllowList named(String name) {
        AllowList list = byName.get(name);
        if (list == null) {
            throw new IllegalArgumentException("no allow-list named \"" + name + "\"");
        }
        return list;
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }
}
