package org.percepnet4j.engine.nn;

import java.util.Random;

/** Builds complete weight files with random values for given widths: for tests and the inference benchmark. */
public final class RandomWeights {

    private RandomWeights() {
    }

    static WeightFileWriter file(long seed, int dense, int conv1, int conv2, int[] grus, int gainGru, int strengthGru) {
        Random rng = new Random(seed);
        WeightFileWriter w = new WeightFileWriter()
                .metadata("format", NeuralGainModel.FORMAT)
                .metadata("format_version", NeuralGainModel.FORMAT_VERSION)
                .metadata("name", "random-test")
                .metadata("gru_layers", Integer.toString(grus.length));
        float[] mean = new float[70];
        float[] scale = new float[70];
        for (int i = 0; i < 70; i++) {
            mean[i] = (float) rng.nextGaussian();
            scale[i] = 0.5f + rng.nextFloat();
        }
        w.tensor("feature_mean", mean, 70).tensor("feature_scale", scale, 70);
        dense(w, rng, "dense_in", dense, 70);
        conv(w, rng, "conv1", conv1, dense, 5);
        conv(w, rng, "conv2", conv2, conv1, 3);
        int in = conv2;
        int concat = conv2;
        for (int i = 0; i < grus.length; i++) {
            gru(w, rng, "gru" + (i + 1), grus[i], in);
            in = grus[i];
            concat += grus[i];
        }
        gru(w, rng, "gru_gain", gainGru, in);
        dense(w, rng, "gain_out", 34, concat + gainGru);
        gru(w, rng, "gru_strength", strengthGru, conv2 + in);
        dense(w, rng, "strength_out", 34, strengthGru);
        return w;
    }

    public static NeuralGainModel model(long seed, int dense, int conv1, int conv2, int[] grus, int gainGru, int strengthGru) {
        try {
            return NeuralGainModel.of(WeightFile.parse(file(seed, dense, conv1, conv2, grus, gainGru, strengthGru).toBytes()));
        } catch (WeightFileException e) {
            throw new AssertionError(e);
        }
    }

    static float[] uniform(Random rng, int n, int fanIn) {
        float bound = (float) (1 / Math.sqrt(fanIn));
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (rng.nextFloat() * 2 - 1) * bound;
        }
        return v;
    }

    private static void dense(WeightFileWriter w, Random rng, String name, int out, int in) {
        w.tensor(name + ".weight", uniform(rng, out * in, in), out, in);
        w.tensor(name + ".bias", uniform(rng, out, in), out);
    }

    private static void conv(WeightFileWriter w, Random rng, String name, int out, int in, int k) {
        w.tensor(name + ".weight", uniform(rng, out * in * k, in * k), out, in, k);
        w.tensor(name + ".bias", uniform(rng, out, in * k), out);
    }

    private static void gru(WeightFileWriter w, Random rng, String name, int h, int in) {
        w.tensor(name + ".weight_ih", uniform(rng, 3 * h * in, h), 3 * h, in);
        w.tensor(name + ".weight_hh", uniform(rng, 3 * h * h, h), 3 * h, h);
        w.tensor(name + ".bias_ih", uniform(rng, 3 * h, h), 3 * h);
        w.tensor(name + ".bias_hh", uniform(rng, 3 * h, h), 3 * h);
    }
}
