package org.percepnet4j.engine.dsp;

/**
 * The envelope post-filter of spec §9.2, with a user-facing amount.
 *
 * <p>Full post-filter (amount 1): warp g_w = ĝ·sin(π/2·ĝ), then a global compensation gain
 * G = sqrt((1 + β)·ρ / (1 + β·ρ²)) with ρ = Σĝ²E / Σg_w²E and β = 0.02, final gain G·g_w.
 *
 * <p><b>Amount mapping.</b> The amount a ∈ [0, 1] blends the raw gains and the fully post-filtered gains
 * per band in the log domain (a geometric interpolation): g = ĝ^(1−a)·(G·g_w)^a = ĝ·(G·sin(π/2·ĝ))^a.
 * a = 0 returns the raw gains exactly; a = 1 is the paper's post-filter. Setting β = 0 would not switch
 * the filter off (the warp would still reshape the envelope), which is why the amount is not mapped to β.
 */
public final class PostFilter {
    /** β of the compensation gain, as in the 2020 paper. */
    public static final float BETA = 0.02f;

    private PostFilter() {
    }

    /**
     * @param gains       raw band gains ĝ in [0, 1]
     * @param bandEnergy  E_Y,b of the frame the gains apply to
     * @param amount      0..1
     * @param dst         receives the final band gains (may be {@code gains})
     */
    public static void apply(float[] gains, float[] bandEnergy, float amount, float[] dst) {
        if (amount <= 0f) {
            System.arraycopy(gains, 0, dst, 0, ErbBands.BANDS);
            return;
        }
        double rawEnergy = 0;
        double warpedEnergy = 0;
        for (int b = 0; b < ErbBands.BANDS; b++) {
            double g = gains[b];
            double warped = g * Math.sin(0.5 * Math.PI * g);
            rawEnergy += g * g * bandEnergy[b];
            warpedEnergy += warped * warped * bandEnergy[b];
        }
        double compensation = compensationGain(rawEnergy, warpedEnergy);
        for (int b = 0; b < ErbBands.BANDS; b++) {
            double g = gains[b];
            double ratio = compensation * Math.sin(0.5 * Math.PI * g);
            dst[b] = (float) (g * (amount >= 1f ? ratio : Math.pow(ratio, amount)));
        }
    }

    /** G = sqrt((1 + β)ρ / (1 + βρ²)), ρ = E0/E1; 1 when the warped energy is zero. */
    static double compensationGain(double rawEnergy, double warpedEnergy) {
        if (!(warpedEnergy > 0)) {
            return 1.0;
        }
        double rho = rawEnergy / warpedEnergy;
        return Math.sqrt((1 + BETA) * rho / (1 + BETA * rho * rho));
    }
}
