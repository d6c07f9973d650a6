package org.percepnet4j.trainer.data;

/** Direct-form-I biquad {@code (b0 + b1 z⁻¹ + b2 z⁻²) / (1 + a1 z⁻¹ + a2 z⁻²)} for whole-signal processing. */
record SecondOrderFilter(double b0, double b1, double b2, double a1, double a2) {

    /**
     * The random spectral tilt of RNNoise's augmentation: zeros and poles with coefficients in ±3/8 (stable and
     * minimum phase by construction, since |a1| + |a2| &lt; 1).
     */
    static SecondOrderFilter random(java.util.Random rng) {
        return new SecondOrderFilter(1, u(rng), u(rng), u(rng), u(rng));
    }

    private static double u(java.util.Random rng) {
        return 0.75 * rng.nextDouble() - 0.375;
    }

    /** RBJ-cookbook low-pass section. */
    static SecondOrderFilter lowPass(double cutoffHz, double q, double sampleRate) {
        double w = 2 * Math.PI * cutoffHz / sampleRate;
        double alpha = Math.sin(w) / (2 * q);
        double cos = Math.cos(w);
        double a0 = 1 + alpha;
        return new SecondOrderFilter((1 - cos) / 2 / a0, (1 - cos) / a0, (1 - cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0);
    }

    /** 8th-order Butterworth low-pass as four sections. */
    static SecondOrderFilter[] butterworth8(double cutoffHz, double sampleRate) {
        double[] qs = {0.50979558, 0.60134489, 0.89997622, 2.56291545};
        SecondOrderFilter[] out = new SecondOrderFilter[qs.length];
        for (int i = 0; i < qs.length; i++) {
            out[i] = lowPass(cutoffHz, qs[i], sampleRate);
        }
        return out;
    }

    /** Filters {@code x} in place from a zero state. */
    void apply(float[] x) {
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double in = x[i];
            double y = b0 * in + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            if (Math.abs(y) < 1e-30) {
                y = 0; // keep denormals out
            }
            x2 = x1;
            x1 = in;
            y2 = y1;
            y1 = y;
            x[i] = (float) y;
        }
    }
}
