package dev.stageport.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {

    @TempDir
    Path root;

    @Test
    void storedBlobIsNamedBySha256AndReadBack() throws Exception {
        ArtifactStore store = new ArtifactStore(root);
        byte[] bytes = "abc".getBytes(StandardCharsets.UTF_8);

        ArtifactStore.StoredBlob blob = store.put(new ByteArrayInputStream(bytes), 10);

        assertThat(blob.digest()).isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(blob.size()).isEqualTo(3);
        assertThat(store.find(blob.digest())).hasValueSatisfying(p -> assertThat(p).hasBinaryContent(bytes));
    }

    @Test
    void contentOverTheLimitIsRefusedAndLeavesNothingBehind() throws Exception {
        ArtifactStore store = new ArtifactStore(root);

        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[11]), 10))
                .isInstanceOf(ArtifactStore.TooLarge.class);

        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void digestThatIsNotSha256IsRefusedBeforeTouchingTheDisk() {
        ArtifactStore store = new ArtifactStore(root);

        assertThatThrownBy(() -> store.path("sha256:../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
