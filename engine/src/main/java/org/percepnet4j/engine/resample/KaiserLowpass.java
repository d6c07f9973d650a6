package org.percepnet4j.engine.resample;

/**
 * Linear-phase low-pass prototypes: a windowed sinc with a Kaiser window, sized by Kaiser's formula.
 *
 * <p>Why Kaiser rather than an equiripple design: one closed form, no iterative optimiser to hand-write and
 * verify, and at 100 dB the extra length over Parks-McClellan is about 15 %, which costs little at these sizes.
 */
public final class KaiserLowpass {

    private KaiserLowpass() {
    }

    /**
     * Kaiser window shape parameter for a stopband attenuation (Kaiser 1974).
     *
     * @param attenuationDb stopband attenuation in dB (positive)
     */
    public static double beta(double attenuationDb) {
        if (attenuationDb > 50) {
            return 0.1102 * (attenuationDb - 8.7);
        }
        if (attenuationDb >= 21) {
            return 0.5842 * Math.pow(attenuationDb - 21, 0.4) + 0.07886 * (attenuationDb - 21);
        }
        return 0;
    }

    /**
     * Filter length (taps) Kaiser's formula asks for.
     *
     * @param attenuationDb   stopband attenuation in dB
     * @param transitionWidth transition band width in cycles per sample (0..0.5)
     */
    public static int length(double attenuationDb, double transitionWidth) {
        return (int) Math.ceil((attenuationDb - 7.95) / (2.285 * 2 * Math.PI * transitionWidth)) + 1;
    }

    /**
     * A low-pass of odd length {@code taps} (so its delay {@code (taps - 1) / 2} is a whole number of samples)
     * with DC gain exactly {@code gain}.
     *
     * @param taps   odd number of coefficients
     * @param cutoff cutoff (the -6 dB point) in cycles per sample, 0..0.5
     * @param beta   Kaiser window parameter
     * @param gain   DC gain of the result
     */
    public static double[] design(int taps, double cutoff, double beta, double gain) {
        if (taps < 1 || taps % 2 == 0) {
            throw new IllegalArgumentException("taps must be odd and positive, got " + taps);
        }
        double[] h = new double[taps];
        int centre = (taps - 1) / 2;
        double i0Beta = besselI0(beta);
        double sum = 0;
        for (int n = 0; n < taps; n++) {
            int k = n - centre;
            double sinc = k == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * k) / (Math.PI * k);
            double r = centre == 0 ? 0 : k / (double) centre;
            double w = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
            h[n] = sinc * w;
            sum += h[n];
        }
        for (int n = 0; n < taps; n++) {
            h[n] *= gain / sum;
        }
        return h;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series (converges fast for beta < 20). */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 200; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }
}
