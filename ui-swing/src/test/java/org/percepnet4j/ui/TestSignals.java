package org.percepnet4j.ui;

import java.util.SplittableRandom;

/** Generated test audio: a voiced "speech-like" harmonic tone with syllable-rate gating, plus white noise. */
public final class TestSignals {

    private TestSignals() {
    }

    /** [channels][frames] of harmonic voice (f0 gliding 120..180 Hz, 4 Hz gating) over noise at {@code snrDb}. */
    public static float[][] noisyVoice(double sampleRate, int channels, double seconds, double snrDb, long seed) {
        int n = (int) Math.round(sampleRate * seconds);
        float[] voice = new float[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double t = i / sampleRate;
            double f0 = 150 + 30 * Math.sin(2 * Math.PI * 0.5 * t);
            phase += 2 * Math.PI * f0 / sampleRate;
            double s = 0;
            for (int h = 1; h <= 20 && h * f0 < sampleRate / 2; h++) {
                s += Math.sin(h * phase) / h;
            }
            double gate = Math.max(0, Math.sin(2 * Math.PI * 2 * t)); // ~4 syllables a second
            voice[i] = (float) (0.2 * s * gate);
        }
        double pv = 0;
        for (float v : voice) {
            pv += v * v;
        }
        pv /= n;
        double noiseRms = Math.sqrt(pv / Math.pow(10, snrDb / 10));
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] out = new float[channels][n];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < n; i++) {
                double u = rng.nextDouble() * 2 - 1;
                out[c][i] = (float) (voice[i] + noiseRms * Math.sqrt(3) * u);
            }
        }
        return out;
    }
}
