package org.percepnet4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percepnet4j.cli.audio.SampleFormat;
import org.percepnet4j.cli.audio.TestSignals;

class ModelOptionTest {

    @TempDir
    Path dir;

    @Test
    void aDamagedWeightFileIsReportedInOneLine() throws Exception {
        Path in = TestSignals.write(dir.resolve("a.wav"), TestSignals.sines(1, 4800, 48000, 440, 0.5), 48000,
                SampleFormat.INT16);
        Path weights = Files.writeString(dir.resolve("broken.safetensors"), "not weights");
        CliRunner.Result r = new CliRunner(new ConstantGainModel(1f), dir.resolve("p"))
                .run("denoise", in.toString(), "-o", dir.resolve("b.wav").toString(), "--model", weights.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("percepnet: cannot load the denoising model: ").contains("broken.safetensors");
        assertThat(r.err().trim()).doesNotContain("\n");
        assertThat(dir.resolve("b.wav")).doesNotExist();
    }

    @Test
    void aMissingWeightFileOrAFolderIsNamedWithTheReason() throws Exception {
        Path in = TestSignals.write(dir.resolve("a.wav"), TestSignals.sines(1, 4800, 48000, 440, 0.5), 48000,
                SampleFormat.INT16);
        CliRunner runner = new CliRunner(new ConstantGainModel(1f), dir.resolve("p"));
        Path missing = dir.resolve("nosuch.safetensors");
        CliRunner.Result r = runner.run("denoise", in.toString(), "-o", dir.resolve("b.wav").toString(),
                "--model", missing.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("cannot load the denoising model: " + missing + ": no such file");
        Path folder = Files.createDirectories(dir.resolve("weights.safetensors"));
        CliRunner.Result f = runner.run("denoise", in.toString(), "-o", dir.resolve("b.wav").toString(),
                "--model", folder.toString());
        assertThat(f.err()).contains("cannot load the denoising model: " + folder + ": is a folder");
    }
}
