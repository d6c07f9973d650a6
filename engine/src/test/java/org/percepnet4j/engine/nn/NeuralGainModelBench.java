package org.percepnet4j.engine.nn;

import java.util.Arrays;
import java.util.Random;
import org.percepnet4j.engine.GainPredictor;

/**
 * Inference cost per 10 ms hop (network only) for a few layer widths, random weights, and for the default
 * model when a weight file is given: hop by hop ({@code predict}, the audio thread) and in blocks of 16 hops
 * ({@code predictBlock}, the offline renderer). Not a unit test: run
 * {@code java -cp engine/target/classes:engine/target/test-classes org.percepnet4j.engine.nn.NeuralGainModelBench
 * [weights.safetensors]} after {@code mvn -q -o -pl engine test-compile}.
 */
public final class NeuralGainModelBench {

    public static void main(String[] args) throws java.io.IOException {
        if (args.length > 0) {
            NeuralGainModel model = NeuralGainModel.read(java.nio.file.Path.of(args[0]));
            // Interleaved rounds, so a change in the machine's speed affects both figures alike.
            double[] hop = new double[5];
            double[] block = new double[5];
            for (int r = 0; r < 5; r++) {
                hop[r] = medianMicros(model);
                block[r] = medianBlockMicros(model, 16);
            }
            Arrays.sort(hop);
            Arrays.sort(block);
            System.out.printf("%-80s median %.1f us/hop hop by hop, %.1f us/hop in blocks of 16%n", model.describe(),
                    hop[2], block[2]);
            return;
        }
        int[][] configs = {
            // dense, conv1, conv2, gru width, gru count, gain gru, strength gru
            {96, 128, 128, 128, 2, 96, 48},
            {128, 160, 160, 128, 3, 128, 64},
            {128, 192, 192, 160, 2, 128, 64},
            {128, 192, 192, 192, 3, 128, 64},
        };
        for (int[] c : configs) {
            int[] grus = new int[c[4]];
            Arrays.fill(grus, c[3]);
            NeuralGainModel model = RandomWeights.model(1, c[0], c[1], c[2], grus, c[5], c[6]);
            System.out.printf("%-80s median %.1f us/hop%n", model.describe(), medianMicros(model));
        }
    }

    static double medianBlockMicros(NeuralGainModel model, int blockHops) {
        GainPredictor p = model.newPredictor();
        Random rng = new Random(3);
        float[][] features = new float[blockHops][GainPredictor.FEATURES];
        float[][] gains = new float[blockHops][GainPredictor.BANDS];
        float[][] strengths = new float[blockHops][GainPredictor.BANDS];
        for (float[] f : features) {
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) rng.nextGaussian();
            }
        }
        for (int i = 0; i < 20000 / blockHops; i++) {
            p.predictBlock(features, gains, strengths, 0, blockHops);
        }
        int rounds = 41;
        double[] perHop = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 200 / blockHops; i++) {
                features[i % blockHops][i % 70] += 1e-3f;
                p.predictBlock(features, gains, strengths, 0, blockHops);
            }
            perHop[r] = (System.nanoTime() - t0) / (double) (200 / blockHops * blockHops) / 1000.0;
        }
        Arrays.sort(perHop);
        return perHop[rounds / 2];
    }

    static double medianMicros(NeuralGainModel model) {
        GainPredictor p = model.newPredictor();
        Random rng = new Random(3);
        float[] features = new float[GainPredictor.FEATURES];
        float[] gains = new float[GainPredictor.BANDS];
        float[] strengths = new float[GainPredictor.BANDS];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < 20000; i++) {
            p.predict(features, gains, strengths);
        }
        int rounds = 41;
        double[] perHop = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                features[i % 70] += 1e-3f;
                p.predict(features, gains, strengths);
            }
            perHop[r] = (System.nanoTime() - t0) / 200.0 / 1000.0;
        }
        Arrays.sort(perHop);
        return perHop[rounds / 2];
    }
}
