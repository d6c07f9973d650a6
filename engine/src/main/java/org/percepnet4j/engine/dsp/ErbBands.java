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
        float[] re = x.re;
        float[] im = x.im;
        java.util.Arrays.fill(dst, 0, BANDS, 0f);
        // Bins between two centres feed exactly those two bands: one pass per pair, no scatter.
        for (int b = 0; b < BANDS - 1; b++) {
            float lower = 0f;
            float upper = 0f;
            for (int k = CENTRE_BIN[b]; k < CENTRE_BIN[b + 1]; k++) {
                float e = re[k] * re[k] + im[k] * im[k];
                float w = UPPER_WEIGHT[k] * e;
                upper += w;
                lower += e - w;
            }
            dst[b] += lower;
            dst[b + 1] += upper;
        }
        dst[BANDS - 1] += re[TOP_BIN] * re[TOP_BIN] + im[TOP_BIN] * im[TOP_BIN];
    }

    /** E_X,b, E_Y,b and the cross term C_b(X, Y) = Σ_k λ_b(k)·Re(X(k)·Y*(k)), in one pass over the bins. */
    public static void energiesAndCross(Spectrum x, Spectrum y, float[] energyX, float[] energyY, float[] cross) {
        java.util.Arrays.fill(energyX, 0, BANDS, 0f);
        java.util.Arrays.fill(energyY, 0, BANDS, 0f);
        java.util.Arrays.fill(cross, 0, BANDS, 0f);
        for (int b = 0; b < BANDS; b++) {
            int from = CENTRE_BIN[b];
            int to = b < BANDS - 1 ? CENTRE_BIN[b + 1] : TOP_BIN + 1;
            float xLower = 0f;
            float xUpper = 0f;
            float yLower = 0f;
            float yUpper = 0f;
            float cLower = 0f;
            float cUpper = 0f;
            for (int k = from; k < to; k++) {
                float xr = x.re[k];
                float xi = x.im[k];
                float yr = y.re[k];
                float yi = y.im[k];
                float w = UPPER_WEIGHT[k];
                float ex = xr * xr + xi * xi;
                float ey = yr * yr + yi * yi;
                float c = xr * yr + xi * yi;
                xUpper += w * ex;
                xLower += ex - w * ex;
                yUpper += w * ey;
                yLower += ey - w * ey;
                cUpper += w * c;
                cLower += c - w * c;
            }
            if (b < BANDS - 1) {
                energyX[b] += xLower;
                energyX[b + 1] += xUpper;
                energyY[b] += yLower;
                energyY[b + 1] += yUpper;
                cross[b] += cLower;
                cross[b + 1] += cUpper;
            } else {
                // Bin 400 alone: all of it belongs to band 33.
                energyX[b] += xLower + xUpper;
                energyY[b] += yLower + yUpper;
                cross[b] += cLower + cUpper;
            }
        }
    }

    /** v(k) = Σ_b λ_b(k)·v_b for bins 0..400; bins 401..480 hold band 33's value. */
    public static void toBins(float[] bandValues, float[] binValues) {
        for (int b = 0; b < BANDS - 1; b++) {
            float lower = bandValues[b];
            float step = bandValues[b + 1] - lower;
            for (int k = CENTRE_BIN[b]; k < CENTRE_BIN[b + 1]; k++) {
                binValues[k] = lower + UPPER_WEIGHT[k] * step;
            }
        }
        float top = bandValues[BANDS - 1];
        for (int k = TOP_BIN; k < Stft.BINS; k++) {
            binValues[k] = top;
        }
    }
}
