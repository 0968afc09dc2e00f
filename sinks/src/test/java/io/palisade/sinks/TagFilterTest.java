package io.palisade.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import io.palisade.schema.Alert;
import io.palisade.schema.Severity;
import org.junit.jupiter.api.Test;

class TagFilterTest {

    private static Alert tagged(String... tags) {
        return TestAlerts.minimalBuilder("a", "PAL-1", Severity.WARNING).setTags(List.of(tags)).build();
    }

    @Test
    void noFilterAcceptsEveryAlert() {
        assertThat(TagFilter.NONE.accepts(tagged())).isTrue();
        assertThat(TagFilter.NONE.accepts(tagged("container"))).isTrue();
    }

    @Test
    void tagsAnyNeedsOneOfTheTags() {
        TagFilter filter = new TagFilter(Set.of("container", "file"), Set.of());
        assertThat(filter.accepts(tagged("host", "file"))).isTrue();
        assertThat(filter.accepts(tagged("host"))).isFalse();
        assertThat(filter.accepts(tagged())).isFalse();
    }

    @Test
    void tagsNoneExcludesEvenWhenIncluded() {
        TagFilter filter = new TagFilter(Set.of("container"), Set.of("noisy"));
        assertThat(filter.accepts(tagged("container"))).isTrue();
        assertThat(filter.accepts(tagged("container", "noisy"))).isFalse();
    }
}
