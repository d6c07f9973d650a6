package org.percepnet4j.trainer.data;

/**
 * Rational-ratio polyphase resampler with a Kaiser-windowed sinc (offline use: whole signals).
 *
 * <p>The ratio out/in is reduced to L/M; the anti-aliasing cutoff sits at 0.5·min(1, L/M) of the
 * input rate scaled by {@code passband} so that the transition band ends at the lower Nyquist.
 * With 32 zero crossings per side and Kaiser β = 10 the stop band is below -95 dB, well under
 * the 16-bit floor of the corpus, and the pass band is flat to 0.9 of the lower Nyquist (≈ 19.8 kHz
 * for 44.1 → 48 kHz).
 */
public final class Resampler {
    private static final int ZERO_CROSSINGS = 32;
    private static final double KAISER_BETA = 10.0;
    private static final double PASSBAND = 0.95;

    private final int up;
    private final int down;
    private final int tapsPerPhase;
    private final float[][] phases;

    public Resampler(int inputRate, int outputRate) {
        if (inputRate <= 0 || outputRate <= 0) {
            throw new IllegalArgumentException("rates must be positive: " + inputRate + " -> " + outputRate);
        }
        int g = gcd(inputRate, outputRate);
        this.up = outputRate / g;
        this.down = inputRate / g;
        if (up > 4096) {
            throw new IllegalArgumentException("ratio " + outputRate + "/" + inputRate + " too fine for a polyphase table");
        }
        // Cutoff relative to the input rate (cycles per input sample).
        double cutoff = 0.5 * Math.min(1.0, (double) up / down) * PASSBAND;
        // Filter length in input samples: ZERO_CROSSINGS zero crossings each side at this cutoff.
        int half = (int) Math.ceil(ZERO_CROSSINGS / (2.0 * cutoff));
        this.tapsPerPhase = 2 * half;
        this.phases = new float[up][tapsPerPhase];
        double i0Beta = besselI0(KAISER_BETA);
        for (int p = 0; p < up; p++) {
            // Output sample with phase p sits p/up input samples after input sample "base".
            double frac = (double) p / up;
            double sum = 0;
            for (int k = 0; k < tapsPerPhase; k++) {
                double x = (k - half + 1) - frac; // distance in input samples from the output instant
                double t = x / half;
                double w = Math.abs(t) >= 1 ? 0 : besselI0(KAISER_BETA * Math.sqrt(1 - t * t)) / i0Beta;
                double s = x == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
                phases[p][k] = (float) (s * w);
                sum += s * w;
            }
            // Unity DC gain per phase (removes the tiny ripple between phases).
            for (int k = 0; k < tapsPerPhase; k++) {
                phases[p][k] = (float) (phases[p][k] / sum);
            }
        }
    }

    /** Resamples a whole signal; the output has round(n·L/M) samples and no added delay. */
    public float[] process(float[] in) {
        if (up == down) {
            return in.clone();
        }
        long outLen = ((long) in.length * up + down / 2) / down;
        float[] out = new float[(int) outLen];
        int half = tapsPerPhase / 2;
        for (int n = 0; n < out.length; n++) {
            long pos = (long) n * down;
            int base = (int) (pos / up);
            int phase = (int) (pos % up);
            float[] h = phases[phase];
            int start = base - half + 1;
            double acc = 0;
            if (start >= 0 && start + tapsPerPhase <= in.length) {
                for (int k = 0; k < tapsPerPhase; k++) {
                    acc += h[k] * in[start + k];
                }
            } else {
                for (int k = 0; k < tapsPerPhase; k++) {
                    int i = start + k;
                    if (i >= 0 && i < in.length) {
                        acc += h[k] * in[i];
                    }
                }
            }
            out[n] = (float) acc;
        }
        return out;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static double besselI0(double x) {
        double sum = 1, term = 1, q = x * x / 4;
        for (int k = 1; k < 200; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < 1e-12 * sum) {
                break;
            }
        }
        return sum;
    }
}
