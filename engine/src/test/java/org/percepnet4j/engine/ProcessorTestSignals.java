package org.percepnet4j.engine;

import java.util.Random;

/** Signals and drivers shared by the Processor specifications. */
final class ProcessorTestSignals {

    private ProcessorTestSignals() {
    }

    /** A Hann-windowed sinc pulse centred on {@code at}, band-limited to {@code cutoffHz}, peak ~ {@code amp}. */
    static float[] bandLimitedPulse(int length, int at, double cutoffHz, double rate, double amp) {
        float[] x = new float[length];
        double fc = cutoffHz / rate;
        int half = (int) Math.ceil(8 / fc);
        for (int n = Math.max(0, at - half); n <= Math.min(length - 1, at + half); n++) {
            int k = n - at;
            double sinc = k == 0 ? 1 : Math.sin(2 * Math.PI * fc * k) / (2 * Math.PI * fc * k);
            double w = 0.5 + 0.5 * Math.cos(Math.PI * k / (half + 1));
            x[n] = (float) (amp * sinc * w);
        }
        return x;
    }

    /** Noise plus two tones: a broadband test signal. */
    static float[][] noisyTones(int channels, int length, double rate, long seed) {
        Random rng = new Random(seed);
        float[][] x = new float[channels][length];
        for (int c = 0; c < channels; c++) {
            for (int n = 0; n < length; n++) {
                x[c][n] = (float) (0.2 * Math.sin(2 * Math.PI * (220 + 50 * c) * n / rate)
                        + 0.1 * Math.sin(2 * Math.PI * 3100 * n / rate) + 0.05 * rng.nextGaussian());
            }
        }
        return x;
    }

    /** Runs the whole signal through in blocks whose sizes come from {@code sizes} (cycled). */
    static float[][] run(Processor p, float[][] input, int[] sizes) {
        int channels = input.length;
        int length = input[0].length;
        float[][] out = new float[channels][length];
        int maxBlock = 0;
        for (int s : sizes) {
            maxBlock = Math.max(maxBlock, s);
        }
        float[][] inBlock = new float[channels][maxBlock];
        float[][] outBlock = new float[channels][maxBlock];
        int pos = 0;
        int k = 0;
        while (pos < length) {
            int n = Math.min(sizes[k++ % sizes.length], length - pos);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(input[c], pos, inBlock[c], 0, n);
            }
            p.process(inBlock, outBlock, n);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(outBlock[c], 0, out[c], pos, n);
            }
            pos += n;
        }
        return out;
    }

    static int[] randomSizes(long seed, int count, int max) {
        Random rng = new Random(seed);
        int[] s = new int[count];
        for (int i = 0; i < count; i++) {
            s[i] = 1 + rng.nextInt(max);
        }
        return s;
    }
}
