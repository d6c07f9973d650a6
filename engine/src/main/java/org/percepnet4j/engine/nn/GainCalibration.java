package org.percepnet4j.engine.nn;

/**
 * A monotone map applied to the network's band gains after the sigmoid: piecewise linear through K + 1 knots at
 * ĝ = 0, 1/K, …, 1, stored in the weight file as the tensor {@value #TENSOR} (optional; without it the gains are
 * used as they come).
 *
 * <p>Why: the 2021 perceptual loss charges a gain left open on noise far more than one closed on speech, so under
 * uncertainty the loss-optimal output sits below the true gain (on the shipped network, bands whose ideal gain is
 * at least 0.9 got 0.3–0.7, and clean speech came out 3–4 dB quieter). {@code trainer calibrate} measures the mean
 * ideal gain for each predicted value on training mixtures and stores it here, so the network keeps the loss it
 * was trained with and the plugin applies the gain that is right on average for what the network said.
 */
public final class GainCalibration {

    /** Name of the tensor in the weight file: K + 1 values, non-decreasing, in [0, 1]. */
    public static final String TENSOR = "gain_calibration";

    private final float[] knots;
    private final int segments;

    /**
     * @param knots mapped gains at ĝ = i / (knots.length − 1); at least 2, finite, in [0, 1], non-decreasing
     */
    public GainCalibration(float[] knots) throws WeightFileException {
        if (knots.length < 2) {
            throw new WeightFileException(TENSOR + " needs at least 2 knots, has " + knots.length);
        }
        for (int i = 0; i < knots.length; i++) {
            float k = knots[i];
            if (!(k >= 0f && k <= 1f)) {
                throw new WeightFileException(TENSOR + "[" + i + "] = " + k + " is not a gain in [0, 1]");
            }
            if (i > 0 && k < knots[i - 1]) {
                throw new WeightFileException(TENSOR + " must not decrease: [" + (i - 1) + "] = " + knots[i - 1]
                        + " > [" + i + "] = " + k);
            }
        }
        this.knots = knots.clone();
        this.segments = knots.length - 1;
    }

    /** Reads the optional tensor; null when the file has none. */
    static GainCalibration read(WeightFile file) throws WeightFileException {
        Tensor t = file.tensors().get(TENSOR);
        if (t == null) {
            return null;
        }
        if (t.rank() != 1) {
            throw new WeightFileException(TENSOR + " must be one-dimensional, is " + t.shapeText());
        }
        return new GainCalibration(t.data());
    }

    /** Maps the first {@code n} gains in place (inputs outside [0, 1] are clamped first). */
    public void apply(float[] gains, int n) {
        for (int b = 0; b < n; b++) {
            gains[b] = map(gains[b]);
        }
    }

    /** The mapped value of one gain. */
    public float map(float gain) {
        float x = (gain >= 0f ? (gain <= 1f ? gain : 1f) : 0f) * segments;
        int i = Math.min((int) x, segments - 1);
        float t = x - i;
        return knots[i] + t * (knots[i + 1] - knots[i]);
    }

    /** The knots (a copy). */
    public float[] knots() {
        return knots.clone();
    }
}
