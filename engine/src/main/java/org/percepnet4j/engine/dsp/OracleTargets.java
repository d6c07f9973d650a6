package org.percepnet4j.engine.dsp;

/**
 * The ideal (oracle) band gains and pitch-filter strengths of spec §8, from clean and noisy band
 * energies and coherences of one frame. Pure functions.
 */
public final class OracleTargets {
    /** Noise-masking-tone threshold of the extra attenuation (≈ −15 dB). */
    public static final double MASKING_THRESHOLD_N0 = 0.03;

    private OracleTargets() {
    }

    /**
     * Fills gain and strength targets for the 34 bands.
     *
     * @param cleanEnergy     E_X,b(ℓ)
     * @param noisyEnergy     E_Y,b(ℓ)
     * @param cleanCoherence  q_x,b(ℓ) (clean frame against its comb-filtered self)
     * @param noisyCoherence  q_y,b(ℓ)
     * @param noisePowerGain  P_c of the comb actually applied to frame ℓ
     * @param gains           receives g_b (amplitude ratio clipped to [0, 1], times any extra attenuation)
     * @param strengths       receives r_b in [0, 1]
     */
    public static void compute(float[] cleanEnergy, float[] noisyEnergy, float[] cleanCoherence,
            float[] noisyCoherence, float noisePowerGain, float[] gains, float[] strengths) {
        for (int b = 0; b < ErbBands.BANDS; b++) {
            double g = amplitudeGain(cleanEnergy[b], noisyEnergy[b]);
            double qx = cleanCoherence[b];
            double qy = noisyCoherence[b];
            double qFiltered = filteredCoherence(qy, noisePowerGain);
            double r;
            if (qy >= qx) {
                r = 0;
            } else if (qFiltered <= qx) {
                // Even full filtering cannot reach the clean periodicity: filter fully, attenuate the rest.
                r = 1;
                g *= extraAttenuation(qx, qFiltered);
            } else {
                r = strength(qx, qy, qFiltered);
            }
            gains[b] = (float) g;
            strengths[b] = (float) r;
        }
    }

    /** g = sqrt(E_X / E_Y) clipped to [0, 1]; 1 when the noisy band is empty. */
    public static double amplitudeGain(double cleanEnergy, double noisyEnergy) {
        if (!(noisyEnergy > 0)) {
            return 1.0;
        }
        return Math.min(1.0, Math.sqrt(Math.max(0.0, cleanEnergy) / noisyEnergy));
    }

    /** q̂_p = q_y / sqrt((1 − P_c)·q_y² + P_c): coherence after full comb filtering. */
    public static double filteredCoherence(double qy, double noisePowerGain) {
        double d = (1 - noisePowerGain) * qy * qy + noisePowerGain;
        return d > 0 ? qy / Math.sqrt(d) : 0.0;
    }

    /** Closed form r = α/(1 + α), α = (sqrt(b² + a·c) − b)/a, for q_y < q_x < q̂_p. */
    public static double strength(double qx, double qy, double qFiltered) {
        double a = qFiltered * qFiltered - qx * qx;
        double b = qFiltered * qy * (1 - qx * qx);
        double c = Math.max(0.0, qx * qx - qy * qy);
        if (!(a > 0)) {
            return 1.0;
        }
        double alpha = (Math.sqrt(b * b + a * c) - b) / a;
        return Math.max(0.0, Math.min(1.0, alpha / (1 + alpha)));
    }

    /** sqrt((1 + n0 − q_x²)/(1 + n0 − q̂_p²)) ≤ 1 when q̂_p ≤ q_x. */
    public static double extraAttenuation(double qx, double qFiltered) {
        double n0 = MASKING_THRESHOLD_N0;
        return Math.sqrt((1 + n0 - qx * qx) / (1 + n0 - qFiltered * qFiltered));
    }
}
