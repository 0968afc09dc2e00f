package io.palisade.collector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.palisade.schema.FileAction;
import org.junit.jupiter.api.Test;

class FileChangeTest {

    static FileState state(int content, int mode) {
        byte[] hash = new byte[32];
        Arrays.fill(hash, (byte) content);
        return new FileState(10, mode, 0, 0, 7, 1_000, 1_000, false, hash);
    }

    @Test
    void diffReportsEachKindOfChangeInPathOrder() {
        Path kept = Path.of("/etc/kept");
        Path edited = Path.of("/etc/edited");
        Path chmodded = Path.of("/usr/bin/tool");
        Path removed = Path.of("/etc/removed");
        Path added = Path.of("/etc/added");
        Map<Path, FileState> before = Map.of(kept, state(1, 0644), edited, state(2, 0644),
                chmodded, state(3, 0755), removed, state(4, 0600));
        Map<Path, FileState> after = Map.of(kept, state(1, 0644), edited, state(9, 0644),
                chmodded, state(3, 04755), added, state(5, 0644));

        List<FileChange> changes = FileChange.diff(before, after);

        assertThat(changes).extracting(FileChange::path, FileChange::action).containsExactly(
                tuple(added, FileAction.CREATED),
                tuple(edited, FileAction.MODIFIED),
                tuple(removed, FileAction.DELETED),
                tuple(chmodded, FileAction.ATTRIBUTES_CHANGED));
        FileChange modified = changes.get(1);
        assertThat(modified.before().sha256Hex()).startsWith("0202");
        assertThat(modified.after().sha256Hex()).startsWith("0909");
        assertThat(changes.get(3).after().modeOctal()).isEqualTo("4755");
    }

    @Test
    void aContentAndAnAttributeChangeMadeTogetherAreBothReported() {
        assertThat(FileChange.between(Path.of("/f"), state(1, 0644), state(2, 04755)))
                .extracting(FileChange::action, change -> change.after().modeOctal())
                .containsExactly(tuple(FileAction.MODIFIED, "4755"), tuple(FileAction.ATTRIBUTES_CHANGED, "4755"));
    }

    @Test
    void ownerChangeIsAnAttributeChange() {
        FileState before = state(1, 0644);
        FileState after = new FileState(10, 0644, 1000, 0, 7, 1_000, 1_000, false, before.sha256());
        assertThat(FileChange.between(Path.of("/f"), before, after)).extracting(FileChange::action)
                .containsExactly(FileAction.ATTRIBUTES_CHANGED);
    }

    @Test
    void unhashedFilesCompareBySizeAndModificationTime() {
        FileState big = new FileState(1L << 40, 0644, 0, 0, 7, 1_000, 1_000, false, null);
        FileState touched = new FileState(1L << 40, 0644, 0, 0, 7, 2_000, 2_000, false, null);
        assertThat(FileChange.between(Path.of("/big"), big, big)).isEmpty();
        assertThat(FileChange.between(Path.of("/big"), big, touched)).extracting(FileChange::action)
                .containsExactly(FileAction.MODIFIED);
    }
}
