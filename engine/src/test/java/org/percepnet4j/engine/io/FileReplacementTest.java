package org.percepnet4j.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReplacementTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileGetsTheDefaultPermissionsNotOwnerOnlyOnes() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(dir.resolve("reference")));
        Path target = dir.resolve("out.wav");
        FileReplacement.write(target, f -> Files.writeString(f, "new"));
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(usual);
        assertThat(siblings()).containsExactlyInAnyOrder("reference", "out.wav");
    }

    @Test
    void anExistingFileIsReplacedWhole() throws IOException {
        Path target = Files.writeString(dir.resolve("preset.json"), "old content, longer than the new one");
        FileReplacement.write(target, f -> Files.writeString(f, "new"));
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(siblings()).containsExactly("preset.json");
    }

    @Test
    void aFailedWriteLeavesTheTargetAsItWasAndNoSibling() throws IOException {
        Path target = Files.writeString(dir.resolve("take.wav"), "the user's data");
        assertThatThrownBy(() -> FileReplacement.write(target, f -> {
            Files.writeString(f, "half a fi");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("the user's data");
        assertThat(siblings()).containsExactly("take.wav");
    }

    @Test
    void aFolderAsTargetIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("out.png"));
        boolean[] wrote = {false};
        assertThatThrownBy(() -> FileReplacement.write(folder, f -> wrote[0] = true))
                .hasMessage(folder + ": is a folder");
        assertThat(wrote[0]).isFalse();
        assertThat(siblings()).containsExactly("out.png");
    }

    @Test
    void siblingsAreHiddenUniqueAndBesideTheTarget() throws IOException {
        Path target = dir.resolve("a.png");
        Path s1 = FileReplacement.newSibling(target, ".part");
        Path s2 = FileReplacement.newSibling(target, ".part");
        assertThat(s1).isNotEqualTo(s2);
        assertThat(s1.getParent()).isEqualTo(dir.toAbsolutePath());
        assertThat(s1.getFileName().toString()).startsWith(".a.png.").endsWith(".part");
    }

    @Test
    void aFolderThatCannotBeWrittenIsNamedWithTheTarget() {
        Path target = dir.resolve("missing-folder").resolve("out.fxp");
        assertThatThrownBy(() -> FileReplacement.write(target, f -> Files.writeString(f, "x")))
                .isInstanceOf(IOException.class)
                .hasMessage(target + ": cannot write in " + target.toAbsolutePath().getParent() + " (no such folder)");
    }

    private Set<String> siblings() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        }
    }
}
