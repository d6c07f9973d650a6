package org.percepnet4j.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaveRulesTest {

    @TempDir
    Path dir;

    private AudioClip clip() {
        return AudioFilesTest.clip(new AudioFormat(48000, 16, 1, true, false), AudioFileFormat.Type.WAVE, 4800);
    }

    @Test
    void suggestedNameNeverCollidesWithAnExistingFile() throws IOException {
        Path in = dir.resolve("talk.wav");
        assertThat(SaveRules.suggestedOutput(in, dir)).isEqualTo(dir.resolve("talk-denoised.wav"));
        Files.createFile(dir.resolve("talk-denoised.wav"));
        Files.createFile(dir.resolve("talk-denoised-2.wav"));
        assertThat(SaveRules.suggestedOutput(in, dir)).isEqualTo(dir.resolve("talk-denoised-3.wav"));
        for (String[] inOut : new String[][] {{"a.aifc", "a-denoised.aif"}, {"b.wave", "b-denoised.wav"},
                {"c.AIFF", "c-denoised.AIFF"}, {"d", "d-denoised.wav"}}) {
            Path suggested = SaveRules.suggestedOutput(dir.resolve(inOut[0]), dir);
            assertThat(suggested).isEqualTo(dir.resolve(inOut[1]));
            SaveRules.checkExtension(suggested); // a name the app can save under
        }
    }

    @Test
    void anInputIsNeverReplacedWithoutConfirmation() throws IOException {
        Path in = dir.resolve("talk.wav");
        AudioFiles.write(clip(), in);
        byte[] before = Files.readAllBytes(in);
        Path sameViaDots = dir.resolve("sub").resolve("..").resolve("talk.wav");
        assertThatThrownBy(() -> SaveRules.save(clip().withSamples(new float[1][4800]), sameViaDots, List.of(in), false))
                .isInstanceOf(IOException.class).hasMessageContaining("input");
        assertThat(Files.readAllBytes(in)).isEqualTo(before);
        SaveRules.save(clip().withSamples(new float[1][4800]), in, List.of(in), true);
        assertThat(Files.readAllBytes(in)).isNotEqualTo(before);
    }

    @Test
    void writesCompletelyAndLeavesNoTemporaryFiles() throws IOException {
        Path out = dir.resolve("out.wav");
        SaveRules.save(clip(), out, List.of(dir.resolve("talk.wav")), false);
        assertThat(AudioFiles.read(out).frames()).isEqualTo(4800);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out.wav");
        }
    }

    @Test
    void aFailedWriteLeavesTheExistingTargetAndNoPartFile() throws IOException {
        Path out = dir.resolve("keep.wav");
        Files.writeString(out, "previous content");
        // The disk fills up half way through the write.
        SaveRules.ClipWriter failing = (c, file) -> {
            Files.write(file, new byte[1000]);
            throw new IOException("No space left on device");
        };
        assertThatThrownBy(() -> SaveRules.save(clip(), out, List.of(), false, failing))
                .isInstanceOf(IOException.class).hasMessageContaining("No space");
        assertThat(Files.readString(out)).isEqualTo("previous content");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("keep.wav");
        }
    }

    @Test
    void onlyAudioExtensionsAreAccepted() {
        assertThatThrownBy(() -> SaveRules.save(clip(), dir.resolve("out.mp3"), List.of(), false))
                .isInstanceOf(IOException.class).hasMessageContaining(".wav");
    }

    @Test
    void theExtensionChoosesTheContainer() throws IOException {
        Path out = dir.resolve("out.aiff");
        SaveRules.save(clip(), out, List.of(), false);
        AudioClip back = AudioFiles.read(out);
        assertThat(back.fileType()).isEqualTo(AudioFileFormat.Type.AIFF);
        assertThat(back.format().getSampleSizeInBits()).isEqualTo(16);
    }
}
