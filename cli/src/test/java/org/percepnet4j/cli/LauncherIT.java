package org.percepnet4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.percepnet4j.cli.audio.AudioFileReader;

/**
 * The README's first command, for real: the top-level {@code ./percepnet} script running the packaged jar and
 * its lib/ folder with the default model on the bundled sample. Runs in {@code verify}, after {@code package}.
 */
class LauncherIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private record Run(int exit, String out) {
    }

    private static Run percepnet(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ROOT.resolve("percepnet").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void theReadmeCommandDenoisesTheBundledSample() throws Exception {
        Path out = ROOT.resolve("cli/target/it-clean.wav");
        Files.deleteIfExists(out);
        Run r = percepnet("denoise", "samples/noisy.wav", "-o", out.toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("Denoised 1 of 1 file");
        assertThat(AudioFileReader.probe(out)).isEqualTo(AudioFileReader.probe(ROOT.resolve("samples/noisy.wav")));
    }

    @Test
    void helpAndPresetsWorkFromTheScript() throws Exception {
        Run help = percepnet("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("denoise", "presets", "spectrogram", "live", "bench");
        Run list = percepnet("presets", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("Podcast studio");
        Run bad = percepnet("denoise", "no-such-file.wav", "-o", "cli/target/x.wav");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).contains("no-such-file.wav: no such file");
    }
}
