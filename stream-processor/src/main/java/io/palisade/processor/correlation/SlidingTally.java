package io.palisade.processor.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Recent matches of one correlation key (a rule in a container, a rule across hosts), kept in a state store: at most
 * {@code limit} members, newest first dropped last, none older than the window before the newest. Because only the
 * newest {@code limit} matter to "at least limit within the window", the bound costs no accuracy.
 *
 * @param members     distinct members (by key), oldest first
 * @param quietUntil  event time before which this key does not fire again, because it just did
 */
record SlidingTally(List<Member> members, Instant quietUntil) {

    /** One match: {@code key} makes it distinct (an event id, a host id), {@code evidenceId} is what an alert cites. */
    record Member(String key, String evidenceId, Instant at) {
    }

    static final SlidingTally EMPTY = new SlidingTally(List.of(), Instant.EPOCH);

    SlidingTally {
        members = List.copyOf(members);
    }

    /** This tally with a match added (replacing an older one of the same key), trimmed to the window and limit. */
    SlidingTally with(Member match, Duration window, int limit) {
        List<Member> next = new ArrayList<>(members.stream().filter(m -> !m.key().equals(match.key())).toList());
        next.add(match);
        next.sort(Comparator.comparing(Member::at));
        Instant newest = next.getLast().at();
        next.removeIf(m -> m.at().plus(window).isBefore(newest));
        while (next.size() > limit) {
            next.removeFirst();
        }
        return new SlidingTally(next, quietUntil);
    }

    /** Whether the tally holds enough members to fire and has not fired within the last window. */
    boolean due(int limit) {
        return members.size() >= limit && !members.getLast().at().isBefore(quietUntil);
    }

    /** The tally after firing: members cleared, quiet for one window from the oldest member that fired. */
    SlidingTally fired(Duration window) {
        return new SlidingTally(List.of(), members.getFirst().at().plus(window));
    }

    /** Whether nothing in this tally can matter once event time has reached {@code latest}. */
    boolean expired(Instant latest, Duration window) {
        boolean membersGone = members.isEmpty() || members.getLast().at().plus(window).isBefore(latest);
        return membersGone && !latest.isBefore(quietUntil);
    }

    List<String> evidenceIds() {
        return members.stream().map(Member::evidenceId).toList();
    }
}
