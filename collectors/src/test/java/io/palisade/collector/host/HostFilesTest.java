package io.palisade.collector.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.schema.Os;
import org.junit.jupiter.api.Test;

class HostFilesTest {

    @Test
    void dockerGroupMembersAreTheFourthFieldOfItsLine() {
        String group = "root:x:0:\nsudo:x:27:alice\ndocker:x:105:alice,bob\nusers:x:100:\n";

        assertThat(HostFiles.groupMembers(group, "docker")).containsExactly("alice", "bob");
        assertThat(HostFiles.groupMembers("docker:x:105:\n", "docker")).isEmpty();
        assertThat(HostFiles.groupMembers("root:x:0:\n", "docker")).isEmpty();
    }

    @Test
    void osFromOsReleaseOfDebianAndUbuntu() {
        String debian = """
                PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
                NAME="Debian GNU/Linux"
                VERSION_ID="12"
                VERSION="12 (bookworm)"
                VERSION_CODENAME=bookworm
                ID=debian
                """;
        String ubuntu = """
                NAME="Ubuntu"
                VERSION_ID="24.04"
                ID=ubuntu
                ID_LIKE=debian
                """;

        assertThat(HostFiles.os(debian, "6.18.44-fc-v782\n"))
                .isEqualTo(new Os("Debian GNU/Linux", "12", "debian", "6.18.44-fc-v782"));
        assertThat(HostFiles.os(ubuntu, "6.8.0-45-generic")).isEqualTo(new Os("Ubuntu", "24.04", "debian",
                "6.8.0-45-generic"));
    }

    @Test
    void rollingReleaseHasNoVersion() {
        assertThat(HostFiles.os("NAME=\"Arch Linux\"\nID=arch\n", "6.11.1-arch1-1").getVersion()).isNull();
    }
}
