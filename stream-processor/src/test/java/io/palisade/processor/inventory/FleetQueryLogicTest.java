package io.palisade.processor.inventory;

import static io.palisade.processor.inventory.InventoryViews.containerView;
import static io.palisade.processor.inventory.InventoryViews.hostView;
import static io.palisade.processor.inventory.InventoryViews.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.palisade.schema.Samples;
import org.junit.jupiter.api.Test;

/** Filtering, staleness and the merge of instances' answers, without Kafka. */
class FleetQueryLogicTest {

    private static final Instant T = Samples.SEEN;

    private final List<ContainerView> fleet = List.of(
            containerView("c1", "nginx:1.27", "web-1", true, T),
            containerView("c2", "nginx:1.25", "web-2", false, T),
            containerView("c3", "nginxinc/nginx-unprivileged:1", "web-1", false, T),
            containerView("c4", "redis:7", "db-1", true, T));

    private List<String> matching(String rawQuery) {
        ContainerQuery query = ContainerQuery.of(QueryParameters.parse(rawQuery, ContainerQuery.PARAMETERS));
        return ids(fleet.stream().filter(query::matches).toList());
    }

    @Test
    void containersAreFilteredByPrivilegeImageAndHost() {
        assertThat(matching("privileged=true")).containsExactly("c1", "c4");
        assertThat(matching("privileged=false")).containsExactly("c2", "c3");
        assertThat(matching("image=nginx")).as("repository without tag").containsExactly("c1", "c2");
        assertThat(matching("image=nginx%3A1.27")).containsExactly("c1");
        assertThat(matching("host=web-1&privileged=true")).containsExactly("c1");
        assertThat(matching("host=id-db-1")).as("host id").containsExactly("c4");
        assertThat(matching(null)).containsExactly("c1", "c2", "c3", "c4");
    }

    @Test
    void badQueriesAreRefusedNotWidened() {
        assertThatThrownBy(() -> matching("privilegd=true")).isInstanceOf(BadQueryException.class)
                .hasMessageContaining("unknown parameter 'privilegd'");
        assertThatThrownBy(() -> matching("privileged=yes")).isInstanceOf(BadQueryException.class)
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> HostQuery.of(QueryParameters.parse("stale=5m", HostQuery.PARAMETERS), T))
                .isInstanceOf(BadQueryException.class).hasMessageContaining("PT5M");
    }

    @Test
    void staleHostsAreThoseSilentLongerThanAsked() {
        HostQuery query = HostQuery.of(QueryParameters.parse("stale=PT5M", HostQuery.PARAMETERS), T);

        assertThat(query.matches(hostView("silent", T.minus(Duration.ofMinutes(6))))).isTrue();
        assertThat(query.matches(hostView("alive", T.minus(Duration.ofMinutes(4))))).isFalse();
        assertThat(HostQuery.all(T).matches(hostView("alive", T))).isTrue();
    }

    @Test
    void theForwardedQueryAsksTheSameQuestionLocally() {
        ContainerQuery query = new ContainerQuery(true, "nginx:1.27", "web 1");
        QueryParameters forwarded = QueryParameters.parse(query.localQueryString(), ContainerQuery.PARAMETERS);

        assertThat(forwarded.local()).isTrue();
        assertThat(ContainerQuery.of(forwarded)).isEqualTo(query);
        HostQuery hosts = new HostQuery(Duration.ofMinutes(5), T);
        assertThat(HostQuery.of(QueryParameters.parse(hosts.localQueryString(), HostQuery.PARAMETERS), Instant.EPOCH))
                .as("the asked instance's now travels with it").isEqualTo(hosts);
        assertThat(QueryParameters.parse(ContainerQuery.all().localQueryString(), Set.of()).local()).isTrue();
    }

    @Test
    void answersOfInstancesMergeIntoOneFleetWithoutDuplicates() {
        List<ContainerView> merged = FleetMerge.containers(List.of(
                List.of(containerView("c3", "a", "h", false, T), containerView("c1", "a", "h", false, T)),
                List.of(containerView("c2", "a", "h", false, T),
                        containerView("c1", "b", "h", true, T.plusSeconds(1)))));

        assertThat(ids(merged)).containsExactly("c1", "c2", "c3");
        assertThat(merged.getFirst().image()).as("the newer record of a key answered twice").isEqualTo("b");
    }

    @Test
    void hostsAreOrderedLongestSilentFirst() {
        List<HostView> merged = FleetMerge.hosts(List.of(
                List.of(hostView("recent", T), hostView("old", T.minusSeconds(600))),
                List.of(hostView("middle", T.minusSeconds(60)), hostView("old", T.minusSeconds(900)))));

        assertThat(merged).extracting(HostView::name).containsExactly("old", "middle", "recent");
        assertThat(merged.getFirst().lastHeartbeat()).isEqualTo(T.minusSeconds(600).toString());
    }

    @Test
    void hostViewSummarisesTheDaemonPosture() {
        HostView host = hostView("web-1", T);

        assertThat(host.docker().reported()).isTrue();
        assertThat(host.docker().version()).isEqualTo("28.2.2");
        assertThat(host.docker().weaknesses()).contains(
                "root in a container is root on the host (neither rootless nor userns-remap)",
                "docker group members (root-equivalent): alice, deploy")
                .doesNotContain("no authorization plugin");
    }
}
