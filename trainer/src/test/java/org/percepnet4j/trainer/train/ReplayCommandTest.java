package org.percepnet4j.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percepnet4j.engine.nn.WeightFileWriter;
import org.percepnet4j.trainer.TrainerCli;
import picocli.CommandLine;

/** {@code trainer replay} recomputes a saved batch and reports finite gradients for a sane one. */
class ReplayCommandTest {

    private static final NetworkShape TINY = new NetworkShape(8, 16, 5, 16, 3, new int[] {8, 8}, 8, 8);

    @Test
    void aSaneBatchReplaysWithFiniteGradientsEverywhere(@TempDir Path dir) throws Exception {
        String out = replay(dir, Map.of());
        assertThat(out).contains("loss ").contains("gradient of gain_out.bias").contains("gradient of strength_out.bias");
        assertThat(out.lines().filter(l -> l.contains("values,")))
                .hasSizeGreaterThan(20)
                .allSatisfy(l -> assertThat(l).contains(" 0 non-finite"));
    }

    @Test
    void theReplayUsesTheOverSuppressionWeightTheRunRecorded(@TempDir Path dir) throws Exception {
        float published = loss(replay(dir.resolve("a"), Map.of()));
        float weighted = loss(replay(dir.resolve("b"), Map.of(ReplayCommand.OVER_SUPPRESSION_WEIGHT, "2.0")));
        // Same weights and batch (fixed seeds); random targets put some predictions below them, which now cost 3 times.
        assertThat(weighted).isGreaterThan(published * 1.05f);
    }

    private static float loss(String replayOutput) {
        return Float.parseFloat(replayOutput.lines().filter(l -> l.startsWith("loss ")).findFirst().orElseThrow()
                .substring("loss ".length()));
    }

    /** Writes a tiny network and a random batch (with extra metadata) into {@code dir}, replays it, returns stdout. */
    private static String replay(Path dir, Map<String, String> extraMetadata) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        Files.createDirectories(dir);
        int sequences = 2;
        int frames = 20;
        int rows = sequences * frames;
        Random rng = new Random(3);
        float[] features = new float[rows * NetworkShape.FEATURES];
        float[] gains = new float[rows * NetworkShape.BANDS];
        float[] strengths = new float[gains.length];
        float[] mask = new float[gains.length];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < gains.length; i++) {
            gains[i] = rng.nextFloat();
            strengths[i] = rng.nextFloat();
            mask[i] = 1;
        }
        Engine.getInstance().setRandomSeed(5);
        try (NDManager m = NDManager.newBaseManager()) {
            PercepNetBlock block = new PercepNetBlock(TINY);
            block.initialize(m, DataType.FLOAT32, new Shape(1, 8, NetworkShape.FEATURES));
            float[][] frameRows = new float[rows][NetworkShape.FEATURES];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(features, i * NetworkShape.FEATURES, frameRows[i], 0, NetworkShape.FEATURES);
            }
            ModelExporter.toWeightFile(block, FeatureNormalizer.fit(List.<float[][]>of(frameRows)), Map.of("name", "tiny"))
                    .write(dir.resolve("w.safetensors"));
        }
        Map<String, String> metadata = new HashMap<>(extraMetadata);
        metadata.put("sequences", Integer.toString(sequences));
        metadata.put("frames", Integer.toString(frames));
        new WeightFileWriter().metadata(metadata)
                .tensor("features", features, rows, NetworkShape.FEATURES)
                .tensor("gains", gains, rows, NetworkShape.BANDS)
                .tensor("strengths", strengths, rows, NetworkShape.BANDS)
                .tensor("mask", mask, rows, NetworkShape.BANDS)
                .write(dir.resolve("b.safetensors"));

        PrintStream old = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = new CommandLine(new TrainerCli()).execute("replay", "--weights", dir.resolve("w.safetensors").toString(),
                    "--batch", dir.resolve("b.safetensors").toString());
        } finally {
            System.setOut(old);
        }
        assertThat(code).isZero();
        return captured.toString(StandardCharsets.UTF_8);
    }
}
