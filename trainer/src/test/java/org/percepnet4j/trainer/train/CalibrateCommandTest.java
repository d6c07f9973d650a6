package org.percepnet4j.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percepnet4j.engine.nn.GainCalibration;
import org.percepnet4j.engine.nn.NeuralGainModel;
import org.percepnet4j.engine.nn.Tensor;
import org.percepnet4j.engine.nn.WeightFile;
import org.percepnet4j.trainer.TrainerCli;
import org.percepnet4j.trainer.data.Corpus;
import picocli.CommandLine;

/** {@code trainer calibrate} and {@code trainer gain-report} on the real corpus with a tiny two-step network. */
class CalibrateCommandTest {

    private static int run(String... args) {
        System.setProperty("ai.djl.offline", "true");
        return new CommandLine(new TrainerCli()).execute(args);
    }

    @Test
    void calibrationIsAddedToACopyOfTheModelAndRefittedFromTheRawNetwork(@TempDir Path dir) throws Exception {
        assumeTrue(Corpus.openDefault().isPresent(), "corpus not found at " + Corpus.defaultRoot());
        String root = Corpus.defaultRoot().toString();
        List<String> train = new ArrayList<>(List.of("train", "--corpus", root, "--out", dir.resolve("run").toString(),
                "--steps", "2", "--batch", "2", "--frames", "40", "--fresh", "1", "--pool", "4", "--validation-per-m", "2",
                "--dense", "8", "--conv", "16,16", "--gru", "8,8", "--gain-gru", "8", "--strength-gru", "8"));
        assertThat(run(train.toArray(new String[0]))).isZero();
        Path raw = dir.resolve("run").resolve(TrainingRun.MODEL);
        byte[] rawBytes = Files.readAllBytes(raw);
        Path calibrated = dir.resolve("calibrated.safetensors");

        assertThat(run("calibrate", "--corpus", root, "--weights", raw.toString(), "--out", calibrated.toString(),
                "--lookahead", "2", "--examples", "3")).isZero();
        assertThat(Files.readAllBytes(raw)).as("the input is left as it was").isEqualTo(rawBytes);
        WeightFile in = WeightFile.read(raw);
        WeightFile out = WeightFile.read(calibrated);
        assertThat(in.tensors()).doesNotContainKey(GainCalibration.TENSOR);
        float[] knots = out.tensor(GainCalibration.TENSOR, GainCalibrationFit.SEGMENTS + 1).data();
        for (int i = 1; i < knots.length; i++) {
            assertThat(knots[i]).isGreaterThanOrEqualTo(knots[i - 1]);
        }
        assertThat(knots[0]).isZero();
        assertThat(knots[knots.length - 1]).isEqualTo(1f);
        assertThat(out.metadata()).containsAllEntriesOf(in.metadata())
                .containsKey("gain_calibration");
        assertThat(out.metadata().get("gain_calibration")).contains("TRAIN split", "3 mixtures", "look-ahead 2");
        for (Tensor t : in.tensors().values()) {
            assertThat(out.tensors().get(t.name()).data()).as(t.name()).containsExactly(t.data());
        }
        assertThat(NeuralGainModel.read(calibrated).gainCalibration()).isNotNull();

        // Calibrating the calibrated file in place measures the network's own gains again: the same knots.
        assertThat(run("calibrate", "--corpus", root, "--weights", calibrated.toString(), "--out", calibrated.toString(),
                "--lookahead", "2", "--examples", "3")).isZero();
        assertThat(WeightFile.read(calibrated).tensor(GainCalibration.TENSOR, knots.length).data()).containsExactly(knots);
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).as("no temporary file left").isEmpty();
        }

        PrintStream saved = System.out;
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(text, true, StandardCharsets.UTF_8));
            code = run("gain-report", "--corpus", root, "--weights", calibrated.toString(), "--split", "VALIDATION",
                    "--examples", "1", "--snr", "5", "--noise", "REAL", "--seconds", "2");
        } finally {
            System.setOut(saved);
        }
        assertThat(code).isZero();
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("| 5 dB | real | ").containsPattern("\\(-?\\d+\\.\\d dB\\) \\|");
    }

    @Test
    void aMissingModelFileIsAOneLineErrorAndWritesNothing(@TempDir Path dir) {
        assumeTrue(Corpus.openDefault().isPresent(), "corpus not found at " + Corpus.defaultRoot());
        Path out = dir.resolve("out.safetensors");
        java.io.StringWriter err = new java.io.StringWriter();
        int code = new CommandLine(new TrainerCli()).setExecutionExceptionHandler(TrainerCli::reportError)
                .setErr(new java.io.PrintWriter(err, true))
                .execute("calibrate", "--weights", dir.resolve("missing.safetensors").toString(), "--out",
                        out.toString(), "--lookahead", "2", "--examples", "1");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: no such file: ").contains("missing.safetensors")
                .doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }
}
