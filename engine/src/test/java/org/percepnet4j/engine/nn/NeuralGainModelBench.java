package org.percepnet4j.engine.nn;

import java.util.Arrays;
import java.util.Random;
import org.percepnet4j.engine.GainPredictor;

/**
 * Inference cost per 10 ms hop (network only) for a few layer widths, random weights. Not a unit test: run
 * {@code java -cp engine/target/classes:engine/target/test-classes org.percepnet4j.engine.nn.NeuralGainModelBench}
 * after {@code mvn -q -o -pl engine test-compile}.
 */
public final class NeuralGainModelBench {

    public static void main(String[] args) {
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
