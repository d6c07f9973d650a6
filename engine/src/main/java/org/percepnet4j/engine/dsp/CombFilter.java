package org.percepnet4j.engine.dsp;

/**
 * The non-causal pitch comb filter of spec §5: p(n) = Σ_(j=−K..K) w_j·y(n − jT).
 *
 * <p>The full filter uses 5 periods on each side with Hann weights. It is truncated symmetrically to the
 * look-ahead that exists: frame ℓ has M·480 future samples beyond its window, so K = min(5, ⌊M·480/T⌋).
 * For a truncated filter we use the Hann design for K per side (spec §5 option (b)), w_j ∝
 * 0.5 − 0.5·cos(2π(j + K + 1)/(2K + 2)) with Σ w_j = 1, in training and at run time alike; its white-noise
 * power gain P_c = Σ w_j² is what the oracle must use. K = 0 means p = y (no comb effect).
 *
 * <p><b>One-sided comb at zero look-ahead.</b> With M = 0 the symmetric filter has no future period to reach, so
 * K = 0 and the network gets no pitch filter. A network may instead be trained with a one-sided filter there (spec
 * §5's past-only alternative): taps j = 0..K periods back, K = min(5, ⌊reach/T⌋), weighted by the centre and past
 * half of the K-per-side Hann design, renormalised to Σ w_j = 1. A periodic signal still passes with gain 1.
 *
 * <p><b>Comb code.</b> The filter applied to a frame travels as one int: K ≥ 0 is the symmetric filter with K
 * periods per side, −K (K ≥ 1) the one-sided filter with K past periods.
 */
public final class CombFilter {
    public static final int MAX_PERIODS_PER_SIDE = 5;
    /** The furthest a one-sided comb may reach back, in samples: the past {@link FrameStream} keeps. */
    public static final int MAX_PAST_REACH = MAX_PERIODS_PER_SIDE * PitchTracker.MAX_PERIOD;

    /** WEIGHTS[K][j + K] for j = −K..K. */
    private static final float[][] WEIGHTS = new float[MAX_PERIODS_PER_SIDE + 1][];
    private static final float[] NOISE_POWER_GAIN = new float[MAX_PERIODS_PER_SIDE + 1];
    /** PAST_WEIGHTS[K][j] for j = 0..K periods back. */
    private static final float[][] PAST_WEIGHTS = new float[MAX_PERIODS_PER_SIDE + 1][];
    private static final float[] PAST_NOISE_POWER_GAIN = new float[MAX_PERIODS_PER_SIDE + 1];

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

            double half = 0;
            for (int j = 0; j <= k; j++) {
                half += w[k + j];
            }
            PAST_WEIGHTS[k] = new float[k + 1];
            double pastPower = 0;
            for (int j = 0; j <= k; j++) {
                PAST_WEIGHTS[k][j] = (float) (w[k + j] / half);
                pastPower += (w[k + j] / half) * (w[k + j] / half);
            }
            PAST_NOISE_POWER_GAIN[k] = (float) pastPower;
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

    /**
     * The comb code for a frame: the symmetric filter truncated to the look-ahead, or, with no look-ahead and a
     * network trained with a one-sided comb ({@code pastReachSamples} &gt; 0), the one-sided filter with
     * min(5, ⌊pastReachSamples / T⌋) past periods. Unvoiced frames (period ≤ 0) get 0.
     */
    public static int code(int period, int lookaheadSamples, int pastReachSamples) {
        if (period <= 0) {
            return 0;
        }
        if (lookaheadSamples == 0 && pastReachSamples > 0) {
            return -Math.min(MAX_PERIODS_PER_SIDE, Math.min(pastReachSamples, MAX_PAST_REACH) / period);
        }
        return periodsPerSide(period, lookaheadSamples);
    }

    /** Returns {@code samples} if it is a past reach the history holds (0..{@link #MAX_PAST_REACH}), else throws. */
    public static int requirePastReach(int samples) {
        if (samples < 0 || samples > MAX_PAST_REACH) {
            throw new IllegalArgumentException("past comb reach must be from 0 to " + MAX_PAST_REACH + " samples, got "
                    + samples);
        }
        return samples;
    }

    /** White-noise power gain P_c = Σ w_j² of the filter with this comb code (1 for code 0). */
    public static float noisePowerGain(int code) {
        return code >= 0 ? NOISE_POWER_GAIN[code] : PAST_NOISE_POWER_GAIN[-code];
    }

    /** Tap weight w_j, j = −K..K, of the symmetric filter with K periods per side. */
    public static float weight(int periodsPerSide, int j) {
        return WEIGHTS[periodsPerSide][j + periodsPerSide];
    }

    /** Tap weight w_j, j = 0..K periods back, of the one-sided filter with K past periods. */
    public static float pastWeight(int pastPeriods, int j) {
        return PAST_WEIGHTS[pastPeriods][j];
    }

    /**
     * Filters {@code src[from .. from + length)} into {@code dst[0 .. length)} with the filter of comb code
     * {@code code} (K = |code|). The caller guarantees {@code from − K·T ≥ 0} and, for the symmetric filter,
     * {@code from + length + K·T ≤ src.length}. {@code past} and {@code future} are work space of at least
     * {@code length} values.
     *
     * <p>Each tap's samples are first copied out of {@code src}: the JIT vectorises a loop whose loads and store
     * share one index, but not one that reads {@code src} at an offset while writing {@code dst}, an array it
     * cannot prove distinct. The arithmetic is the same either way.
     */
    public static void apply(float[] src, int from, int length, int period, int code, float[] dst,
            float[] past, float[] future) {
        if (code < 0) {
            applyPastOnly(src, from, length, period, PAST_WEIGHTS[-code], dst, past);
            return;
        }
        int periodsPerSide = code;
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

    private static void applyPastOnly(float[] src, int from, int length, int period, float[] w, float[] dst,
            float[] past) {
        System.arraycopy(src, from, past, 0, length);
        for (int n = 0; n < length; n++) {
            dst[n] = w[0] * past[n];
        }
        for (int j = 1; j < w.length; j++) {
            float wj = w[j];
            System.arraycopy(src, from - j * period, past, 0, length);
            for (int n = 0; n < length; n++) {
                dst[n] += wj * past[n];
            }
        }
    }
}
