package io.palisade.processor.inventory;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Merges the answers of every instance into one fleet answer. A key belongs to one active task, but while a task
 * moves two instances may briefly both answer for it; then the most recent record wins.
 */
final class FleetMerge {

    private FleetMerge() {
    }

    /** All containers, one per id, ordered by id (a stable order for paging through the output). */
    static List<ContainerView> containers(Collection<List<ContainerView>> answers) {
        return newestPerId(answers, ContainerView::id, Comparator.comparing(c -> Instant.parse(c.updated())))
                .stream().sorted(Comparator.comparing(ContainerView::id)).toList();
    }

    /** All hosts, one per id, the longest silent first: the hosts to look at are on top. */
    static List<HostView> hosts(Collection<List<HostView>> answers) {
        Comparator<HostView> byHeartbeat = Comparator.comparing(h -> Instant.parse(h.lastHeartbeat()));
        return newestPerId(answers, HostView::id, byHeartbeat)
                .stream().sorted(byHeartbeat.thenComparing(HostView::id)).toList();
    }

    private static <V> Collection<V> newestPerId(Collection<List<V>> answers, Function<V, String> id,
                                                 Comparator<V> age) {
        Map<String, V> newest = answers.stream().flatMap(List::stream)
                .collect(Collectors.toMap(id, v -> v, BinaryOperator.maxBy(age)));
        return newest.values();
    }
}
