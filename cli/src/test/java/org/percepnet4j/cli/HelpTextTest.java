package org.percepnet4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command's help renders cleanly: picocli's format specifiers are all valid (no "%n" left, no warning). */
class HelpTextTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"denoise", "presets", "spectrogram", "live", "bench", "gui"})
    void helpOfEveryCommandIsFormatted(String command) {
        PrintStream stdErr = System.err;
        ByteArrayOutputStream picocliErr = new ByteArrayOutputStream();
        CliRunner.Result r;
        try {
            System.setErr(new PrintStream(picocliErr, true, StandardCharsets.UTF_8));
            r = new CliRunner(new ConstantGainModel(1f), dir.resolve("p")).run(command, "--help");
        } finally {
            System.setErr(stdErr);
        }
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: percepnet " + command).doesNotContain("%n");
        assertThat(picocliErr.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"denoise", "presets", "presets list", "spectrogram", "live", "bench", "gui"})
    void versionOfEveryCommandIsTheProducts(String command) {
        String[] args = (command + " -V").split(" ");
        CliRunner.Result r = new CliRunner(new ConstantGainModel(1f), dir.resolve("p")).run(args);
        assertThat(r.exit()).isZero();
        assertThat(r.out().trim()).startsWith("percepnet ");
    }
}
