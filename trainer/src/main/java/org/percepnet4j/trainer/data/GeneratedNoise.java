package org.percepnet4j.trainer.data;

import java.util.Random;
import org.jtransforms.fft.FloatFFT_1D;

/** Noise made from formulas: mains hum and coloured noise (48 kHz). */
public final class GeneratedNoise {
    private static final double FS = 48000;
    private static final int HUM_TABLE = 16384;

    private GeneratedNoise() {
    }

    /**
     * Mains hum: 50 or 60 Hz (±0.5 %) with a slow drift, harmonics up to 8 kHz whose amplitudes fall as k^-p
     * with random per-harmonic variation and sometimes odd-harmonic emphasis (rectifier buzz).
     */
    static float[] hum(int n, Random rng) {
        double f0 = (rng.nextBoolean() ? 50 : 60) * (1 + 0.01 * (rng.nextDouble() - 0.5));
        int harmonics = 1 + (int) Math.floor(8000 / f0 * rng.nextDouble());
        double slope = 0.5 + 1.5 * rng.nextDouble();
        boolean oddBuzz = rng.nextDouble() < 0.3;
        double[] amp = new double[harmonics + 1];
        double[] phase = new double[harmonics + 1];
        for (int k = 1; k <= harmonics; k++) {
            amp[k] = Math.pow(k, -slope) * (0.3 + 0.7 * rng.nextDouble()) * (oddBuzz && k % 2 == 0 ? 0.2 : 1);
            phase[k] = 2 * Math.PI * rng.nextDouble();
        }
        double driftRate = 0.05 + 0.3 * rng.nextDouble();
        double driftDepth = 0.002 * rng.nextDouble();
        // One cycle of the waveform in a table, read with a drifting phase: the same harmonics at a fraction of the
        // cost of summing them per sample (linear interpolation error < -60 dB even at the 160th harmonic).
        float[] table = new float[HUM_TABLE + 1];
        for (int j = 0; j < HUM_TABLE; j++) {
            double theta = 2 * Math.PI * j / HUM_TABLE;
            double v = 0;
            for (int k = 1; k <= harmonics; k++) {
                v += amp[k] * Math.sin(k * theta + phase[k]);
            }
            table[j] = (float) v;
        }
        table[HUM_TABLE] = table[0];
        float[] out = new float[n];
        double cycle = 0; // position within the cycle, 0..1
        for (int i = 0; i < n; i++) {
            double f = f0 * (1 + driftDepth * Math.sin(2 * Math.PI * driftRate * i / FS));
            cycle += f / FS;
            cycle -= Math.floor(cycle);
            double pos = cycle * HUM_TABLE;
            int j = (int) pos;
            double frac = pos - j;
            out[i] = (float) (table[j] + frac * (table[j + 1] - table[j]));
        }
        return out;
    }

    /** Gaussian noise with power spectrum ∝ f^α, α uniform in [−2, 1] (brown to blue), flat below 20 Hz. */
    public static float[] coloured(int n, Random rng) {
        double alpha = -2 + 3 * rng.nextDouble();
        int size = Integer.highestOneBit(Math.max(2, n - 1)) << 1;
        float[] spec = new float[size];
        for (int k = 1; k < size / 2; k++) {
            double f = Math.max(20, k * FS / size);
            double mag = Math.pow(f / 1000, alpha / 2);
            spec[2 * k] = (float) (mag * rng.nextGaussian());
            spec[2 * k + 1] = (float) (mag * rng.nextGaussian());
        }
        new FloatFFT_1D(size).realInverse(spec, false);
        float[] out = new float[n];
        System.arraycopy(spec, 0, out, 0, n);
        return out;
    }
}
