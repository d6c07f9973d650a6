package org.percepnet4j.trainer.eval;

import java.util.Random;

/** Speech-like test signals: harmonic "syllables" with a gliding pitch, 4 Hz syllable rate, pauses. */
final class TestSignals {
    private TestSignals() {
    }

    static float[] speechLike(int rate, double seconds, long seed) {
        Random r = new Random(seed);
        int n = (int) (rate * seconds);
        float[] x = new float[n];
        double phase = 0;
        double syllable = 0.25;
        double f0 = 140;
        double amp = 0;
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate;
            if (t >= syllable) {
                syllable += 0.15 + 0.25 * r.nextDouble();
                f0 = 100 + 150 * r.nextDouble();
                amp = r.nextDouble() < 0.2 ? 0 : 0.3 + 0.7 * r.nextDouble();
            }
            double env = amp * Math.pow(Math.sin(Math.PI * ((t * 4) % 1)), 2);
            phase += 2 * Math.PI * f0 * (1 + 0.1 * Math.sin(2 * Math.PI * 3 * t)) / rate;
            double s = 0;
            for (int k = 1; k * f0 < Math.min(rate / 2.0, 5000); k++) {
                s += Math.sin(k * phase) / k * (1 + 0.8 * Math.sin(2 * Math.PI * k / 7.0 + t));
            }
            x[i] = (float) (0.1 * env * s);
        }
        return x;
    }

    static float[] whiteNoise(int n, double rms, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (rms * r.nextGaussian());
        }
        return x;
    }

    static double rms(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v * v;
        }
        return Math.sqrt(s / x.length);
    }

    /** x + noise scaled to the given SNR (over the whole signal). */
    static float[] mix(float[] x, float[] noise, double snrDb) {
        double g = rms(x) / rms(noise) * Math.pow(10, -snrDb / 20);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (x[i] + g * noise[i]);
        }
        return y;
    }
}
