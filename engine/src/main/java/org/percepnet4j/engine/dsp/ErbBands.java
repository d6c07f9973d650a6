package org.percepnet4j.engine.dsp;

/**
 * The 34 overlapping triangular ERB bands (spec §3, layout A) over 0–20 kHz.
 *
 * <p>Band centres (in 50 Hz bins) come from walking down from bin 400 (20 kHz) one Glasberg–Moore ERB per
 * step with at least 2 bins per step, then merging the 700 and 800 Hz edges into 750 Hz (see
 * {@code ErbBandsTest}, which re-derives the table). A bin between centres c_b and c_(b+1) at fraction f
 * gives weight 1 − f to band b and f to band b+1, so the weights of every bin 0..400 sum to 1; bands 0
 * and 33 are half triangles.
 *
 * <p><b>Bins above 20 kHz</b> (401..480) belong to no band: they do not count in band energies, and when
 * band values go back to bins they hold band 33's value (the RNNoise practice), so the top octave follows
 * the highest band's gain instead of being cut or passed unprocessed.
 */
public final class ErbBands {
    public static final int BANDS = 34;
    /** Highest bin that belongs to a band (20 kHz). */
    public static final int TOP_BIN = 400;

    private static final int[] CENTRE_BIN = {
        0, 2, 4, 6, 8, 10, 12, 15, 18, 21, 24, 28, 32, 36, 41, 47, 53,
        60, 68, 77, 87, 98, 110, 124, 140, 157, 176, 198, 223, 251, 282, 317, 356, 400};

    /** For bin k ≤ 400: the lower band of the pair it sits between, and the weight of the upper band. */
    private static final int[] LOWER_BAND = new int[TOP_BIN + 1];
    private static final float[] UPPER_WEIGHT = new float[TOP_BIN + 1];

    static {
        for (int b = 0; b < BANDS - 1; b++) {
            int lo = CENTRE_BIN[b];
            int width = CENTRE_BIN[b + 1] - lo;
            for (int k = lo; k < CENTRE_BIN[b + 1]; k++) {
                LOWER_BAND[k] = b;
                UPPER_WEIGHT[k] = (float) (k - lo) / width;
            }
        }
        LOWER_BAND[TOP_BIN] = BANDS - 2;
        UPPER_WEIGHT[TOP_BIN] = 1f;
    }

    private ErbBands() {
    }

    /** Centre of band b in FFT bins. */
    public static int centreBin(int band) {
        return CENTRE_BIN[band];
    }

    /** Centre of band b in Hz. */
    public static double centreHz(int band) {
        return CENTRE_BIN[band] * Stft.HZ_PER_BIN;
    }

    /** Triangular weight λ_b(k) of bin k in band b (0 for bins above 400). */
    public static float weight(int band, int bin) {
        if (bin > TOP_BIN) {
            return 0f;
        }
        int lower = LOWER_BAND[bin];
        if (band == lower) {
            return 1f - UPPER_WEIGHT[bin];
        }
        return band == lower + 1 ? UPPER_WEIGHT[bin] : 0f;
    }

    /** E_b = Σ_k λ_b(k)·|X(k)|². */
    public static void energies(Spectrum x, float[] dst) {
        java.util.Arrays.fill(dst, 0, BANDS, 0f);
        for (int k = 0; k <= TOP_BIN; k++) {
            float e = x.re[k] * x.re[k] + x.im[k] * x.im[k];
            accumulate(dst, k, e);
        }
    }

    /** C_b = Σ_k λ_b(k)·Re(X(k)·Y*(k)). */
    public static void crossEnergies(Spectrum x, Spectrum y, float[] dst) {
        java.util.Arrays.fill(dst, 0, BANDS, 0f);
        for (int k = 0; k <= TOP_BIN; k++) {
            float c = x.re[k] * y.re[k] + x.im[k] * y.im[k];
            accumulate(dst, k, c);
        }
    }

    /** E_X,b, E_Y,b and C_b(X, Y) in one pass over the bins. */
    public static void energiesAndCross(Spectrum x, Spectrum y, float[] energyX, float[] energyY, float[] cross) {
        java.util.Arrays.fill(energyX, 0, BANDS, 0f);
        java.util.Arrays.fill(energyY, 0, BANDS, 0f);
        java.util.Arrays.fill(cross, 0, BANDS, 0f);
        for (int k = 0; k <= TOP_BIN; k++) {
            float xr = x.re[k];
            float xi = x.im[k];
            float yr = y.re[k];
            float yi = y.im[k];
            accumulate(energyX, k, xr * xr + xi * xi);
            accumulate(energyY, k, yr * yr + yi * yi);
            accumulate(cross, k, xr * yr + xi * yi);
        }
    }

    private static void accumulate(float[] dst, int bin, float value) {
        int b = LOWER_BAND[bin];
        float upper = UPPER_WEIGHT[bin] * value;
        dst[b] += value - upper;
        dst[b + 1] += upper;
    }

    /** v(k) = Σ_b λ_b(k)·v_b for bins 0..400; bins 401..480 hold band 33's value. */
    public static void toBins(float[] bandValues, float[] binValues) {
        for (int k = 0; k <= TOP_BIN; k++) {
            int b = LOWER_BAND[k];
            float w = UPPER_WEIGHT[k];
            binValues[k] = bandValues[b] + w * (bandValues[b + 1] - bandValues[b]);
        }
        float top = bandValues[BANDS - 1];
        for (int k = TOP_BIN + 1; k < Stft.BINS; k++) {
            binValues[k] = top;
        }
    }
}
