package org.percepnet4j.cli.bench;

import java.util.SplittableRandom;

/**
 * Deterministic test material for benchmarks: a voiced, syllable-modulated harmonic tone with a gliding pitch
 * over coloured noise, so the pitch tracker, comb filter and network all do their normal work (silence or white
 * noise alone would take cheaper paths).
 */
final class BenchSignal {

    private BenchSignal() {
    }

    /** {@code seconds} of signal at {@code rate}, each channel slightly different. */
    static float[][] make(int channels, double rate, double seconds, long seed) {
        int n = (int) Math.round(rate * seconds);
        float[][] x = new float[channels][n];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int ch = 0; ch < channels; ch++) {
            double phase = 0;
            double brown = 0;
            for (int i = 0; i < n; i++) {
                double t = i / rate;
                double f0 = 160 + 60 * Math.sin(2 * Math.PI * 0.3 * t) + 8 * ch;
                phase += 2 * Math.PI * f0 / rate;
                double voice = 0;
                for (int h = 1; h <= 20 && h * f0 < rate / 2; h++) {
                    voice += Math.sin(h * phase) / h;
                }
                double syllable = Math.max(0, Math.sin(2 * Math.PI * 4 * t));
                brown = 0.98 * brown + 0.02 * (rng.nextDouble() * 2 - 1);
                double noise = 0.5 * brown + 0.02 * (rng.nextDouble() * 2 - 1);
                x[ch][i] = (float) (0.15 * voice * syllable + 0.1 * noise);
            }
        }
        return x;
    }
}
