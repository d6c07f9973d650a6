package org.percepnet4j.engine.dsp;

/**
 * The non-causal pitch comb filter of spec §5: p(n) = Σ_(j=−K..K) w_j·y(n − jT).
 *
 * <p>The full filter uses 5 periods on each side with Hann weights. It is truncated symmetrically to the
 * look-ahead that exists: frame ℓ has M·480 future samples beyond its window, so K = min(5, ⌊M·480/T⌋).
 * For a truncated filter we use the Hann design for K per side (spec §5 option (b)), w_j ∝
 * 0.5 − 0.5·cos(2π(j + K + 1)/(2K + 2)) with Σ w_j = 1, in training and at run time alike; its white-noise
 * power gain P_c = Σ w_j² is what the oracle must use. K = 0 means p = y (no comb effect).
 */
public final class CombFilter {
    public static final int MAX_PERIODS_PER_SIDE = 5;

    /** WEIGHTS[K][j + K] for j = −K..K. */
    private static final float[][] WEIGHTS = new float[MAX_PERIODS_PER_SIDE + 1][];
    private static final float[] NOISE_POWER_GAIN = new float[MAX_PERIODS_PER_SIDE + 1];

    static {
        for (int k = 0; k <= MAX_PERIODS_PER_SIDE; k++) {
            double[] w = new double[2 * k + 1];
            double sum = 0;
            for (int j = -k; j <= k; j++) {
                w[j + k] = 0.5 - 0.5 * Math.cos(2 * Math.PI * (j + k + 1) / (2.0 * k + 2));
                sum += w[j + k];
            }
            WEIGHTS[k] = new float[2 * k + 1];
            double power = 0;
            for (int i = 0; i < w.length; i++) {
                WEIGHTS[k][i] = (float) (w[i] / sum);
                power += (w[i] / sum) * (w[i] / sum);
            }
            NOISE_POWER_GAIN[k] = (float) power;
        }
    }

    private CombFilter() {
    }

    /** Periods per side that fit in the look-ahead: min(5, ⌊lookaheadSamples / period⌋). */
    public static int periodsPerSide(int period, int lookaheadSamples) {
        if (period <= 0) {
            return 0;
        }
        return Math.min(MAX_PERIODS_PER_SIDE, lookaheadSamples / period);
    }

    /** White-noise power gain P_c = Σ w_j² of the filter with K periods per side (1 for K = 0). */
    public static float noisePowerGain(int periodsPerSide) {
        return NOISE_POWER_GAIN[periodsPerSide];
    }

    /** Tap weight w_j, j = −K..K. */
    public static float weight(int periodsPerSide, int j) {
        return WEIGHTS[periodsPerSide][j + periodsPerSide];
    }

    /**
     * Filters {@code src[from .. from + length)} into {@code dst[0 .. length)}. The caller guarantees
     * {@code from − K·T ≥ 0} and {@code from + length + K·T ≤ src.length}. {@code past} and {@code future} are
     * work space of at least {@code length} values.
     *
     * <p>Each tap's samples are first copied out of {@code src}: the JIT vectorises a loop whose loads and store
     * share one index, but not one that reads {@code src} at an offset while writing {@code dst}, an array it
     * cannot prove distinct. The arithmetic is the same either way.
     */
    public static void apply(float[] src, int from, int length, int period, int periodsPerSide, float[] dst,
            float[] past, float[] future) {
        float[] w = WEIGHTS[periodsPerSide];
        float centre = w[periodsPerSide];
        System.arraycopy(src, from, past, 0, length);
        for (int n = 0; n < length; n++) {
            dst[n] = centre * past[n];
        }
        for (int j = 1; j <= periodsPerSide; j++) {
            // Symmetric taps: w_j = w_−j, so past and future samples share one multiply.
            float wj = w[periodsPerSide + j];
            System.arraycopy(src, from - j * period, past, 0, length);
            System.arraycopy(src, from + j * period, future, 0, length);
            for (int n = 0; n < length; n++) {
                dst[n] += wj * (past[n] + future[n]);
            }
        }
    }
}
