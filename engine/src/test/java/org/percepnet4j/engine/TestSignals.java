package org.percepnet4j.engine;

import java.util.Random;

/** Synthetic test material at 48 kHz. */
public final class TestSignals {
    private TestSignals() {
    }

    /** Harmonic tone at f0 with harmonics up to 8 kHz, amplitudes 1/k, random phases, peak about amplitude. */
    public static float[] harmonic(double f0, int length, double amplitude, long seed) {
        Random rng = new Random(seed);
        int harmonics = (int) Math.floor(8000 / f0);
        double[] phase = new double[harmonics + 1];
        double norm = 0;
        for (int k = 1; k <= harmonics; k++) {
            phase[k] = rng.nextDouble() * 2 * Math.PI;
            norm += 1.0 / k;
        }
        float[] x = new float[length];
        for (int n = 0; n < length; n++) {
            double v = 0;
            for (int k = 1; k <= harmonics; k++) {
                v += Math.sin(2 * Math.PI * f0 * k * n / 48000.0 + phase[k]) / k;
            }
            x[n] = (float) (amplitude * v / norm);
        }
        return x;
    }

    public static float[] whiteNoise(int length, double rms, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[length];
        for (int n = 0; n < length; n++) {
            x[n] = (float) (rms * rng.nextGaussian());
        }
        return x;
    }

    public static double rms(float[] x, int from, int to) {
        double e = 0;
        for (int i = from; i < to; i++) {
            e += (double) x[i] * x[i];
        }
        return Math.sqrt(e / Math.max(1, to - from));
    }

    /** a + b·scale, element-wise. */
    public static float[] add(float[] a, float[] b, double scale) {
        float[] y = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = (float) (a[i] + scale * b[i]);
        }
        return y;
    }

    /** Scales noise so that rms(signal)/rms(noise) = snrDb. */
    public static double noiseScaleForSnr(float[] signal, float[] noise, double snrDb) {
        return rms(signal, 0, signal.length) / rms(noise, 0, noise.length) / Math.pow(10, snrDb / 20);
    }

    /** SNR in dB of estimate against reference over [from, to). */
    public static double snrDb(float[] reference, float[] estimate, int from, int to) {
        double s = 0;
        double e = 0;
        for (int i = from; i < to; i++) {
            s += (double) reference[i] * reference[i];
            double d = reference[i] - estimate[i];
            e += d * d;
        }
        return 10 * Math.log10(s / Math.max(e, 1e-30));
    }
}
