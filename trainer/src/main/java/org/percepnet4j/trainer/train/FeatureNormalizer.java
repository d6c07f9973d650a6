package org.percepnet4j.trainer.train;

import java.util.List;

/**
 * Per-feature affine normalisation x' = (x − mean)·scale, fitted on training frames and stored in the weight file
 * ({@code feature_mean}, {@code feature_scale}) so the engine applies exactly the same transform.
 */
public record FeatureNormalizer(float[] mean, float[] scale) {

    /** Features with a spread below this are left unscaled (e.g. constant ones), never divided by ~0. */
    private static final double MIN_STD = 1e-3;

    public FeatureNormalizer {
        if (mean.length != NetworkShape.FEATURES || scale.length != NetworkShape.FEATURES) {
            throw new IllegalArgumentException("normaliser needs " + NetworkShape.FEATURES + " means and scales");
        }
        mean = mean.clone();
        scale = scale.clone();
    }

    /** Mean and 1/std of every feature over all frames given. */
    public static FeatureNormalizer fit(List<float[][]> featureSequences) {
        int f = NetworkShape.FEATURES;
        double[] sum = new double[f];
        double[] sq = new double[f];
        long n = 0;
        for (float[][] seq : featureSequences) {
            for (float[] frame : seq) {
                for (int i = 0; i < f; i++) {
                    sum[i] += frame[i];
                    sq[i] += (double) frame[i] * frame[i];
                }
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no frames to fit the feature normaliser on");
        }
        float[] mean = new float[f];
        float[] scale = new float[f];
        for (int i = 0; i < f; i++) {
            double m = sum[i] / n;
            double std = Math.sqrt(Math.max(0, sq[i] / n - m * m));
            mean[i] = (float) m;
            scale[i] = (float) (std < MIN_STD ? 1 : 1 / std);
        }
        return new FeatureNormalizer(mean, scale);
    }

    /** The normalised copy of frames stored one after the other ([frames × FEATURES], row-major). */
    public float[] applyToRows(float[] rows) {
        int f = NetworkShape.FEATURES;
        if (rows.length % f != 0) {
            throw new IllegalArgumentException(rows.length + " values are not whole frames of " + f);
        }
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = (rows[i] - mean[i % f]) * scale[i % f];
        }
        return out;
    }
}
