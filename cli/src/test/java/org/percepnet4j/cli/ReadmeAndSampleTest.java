package org.percepnet4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.percepnet4j.cli.audio.AudioFileInfo;
import org.percepnet4j.cli.audio.AudioFileReader;
import org.percepnet4j.cli.audio.AudioFileType;
import org.percepnet4j.cli.audio.SampleFormat;

/** The README's promises that can be checked without building twice. */
class ReadmeAndSampleTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theTestCommandShownIsTheOneCiRuns() throws Exception {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
        int marker = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("<!-- test-command: ")) {
                assertThat(marker).as("exactly one test-command marker").isEqualTo(-1);
                marker = i;
            }
        }
        assertThat(marker).isNotNegative();
        String command = lines.get(marker).replaceFirst("^<!-- test-command: (.*) -->$", "$1");
        assertThat(lines.get(marker + 1)).isEqualTo("```sh");
        assertThat(lines.get(marker + 2)).isEqualTo(command);
        assertThat(lines).contains("mvn -q -DskipTests package && ./percepnet denoise samples/noisy.wav -o clean.wav");
    }

    @Test
    void theBundledSampleIsSmallAnd48kMono16Bit() throws Exception {
        Path sample = ROOT.resolve("samples/noisy.wav");
        assertThat(Files.size(sample)).isLessThanOrEqualTo(1 << 20);
        AudioFileInfo info = AudioFileReader.probe(sample);
        assertThat(info.type()).isEqualTo(AudioFileType.WAV);
        assertThat(info.sampleRate()).isEqualTo(48000f);
        assertThat(info.channels()).isEqualTo(1);
        assertThat(info.format()).isEqualTo(SampleFormat.INT16);
        assertThat(info.seconds()).isBetween(8.0, 10.0);
        assertThat(ROOT.resolve("samples/README.md")).content().contains("Public Domain").contains("CC0");
    }

    @Test
    void theLauncherScriptIsExecutable() {
        assertThat(Files.isExecutable(ROOT.resolve("percepnet"))).isTrue();
    }
}
