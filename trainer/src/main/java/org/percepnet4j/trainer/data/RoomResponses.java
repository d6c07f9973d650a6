package org.percepnet4j.trainer.data;

import java.util.Random;

/**
 * Impulse responses and their targets. The target keeps the direct path and the early reflections: the first
 * 10 ms after the direct sound unchanged, a 5 ms raised-cosine fade, nothing after (the RNNoise 2024 variant of
 * spec §12). So the network learns to remove late reverberation but not the room the speech was recorded in.
 */
final class RoomResponses {
    static final int FS = 48000;
    static final int EARLY = FS / 100;      // 10 ms kept
    static final int FADE = FS / 200;       // 5 ms fade
    static final int PRE = FS / 1000;       // 1 ms kept before the direct-path peak
    static final int MAX_LENGTH = 2 * FS;   // longer tails are below audibility under speech and cost FFT size

    /** A full response and its early-only target, both starting {@link #PRE} before the direct path. */
    record Pair(float[] full, float[] early) {
    }

    private RoomResponses() {
    }

    /** Prepares a measured response: aligned on its direct-path peak, scaled to a unit peak, truncated. */
    static Pair fromMeasured(float[] h) {
        int peak = 0;
        for (int i = 1; i < h.length; i++) {
            if (Math.abs(h[i]) > Math.abs(h[peak])) {
                peak = i;
            }
        }
        int start = Math.max(0, peak - PRE);
        int len = Math.min(MAX_LENGTH, h.length - start);
        float[] full = new float[len];
        float scale = h[peak] == 0 ? 1 : 1 / Math.abs(h[peak]);
        for (int i = 0; i < len; i++) {
            full[i] = h[start + i] * scale;
        }
        return new Pair(full, early(full, peak - start));
    }

    /**
     * A synthetic small room: unit direct path, 3–10 discrete reflections within 1–20 ms, and an exponentially
     * decaying Gaussian tail with RT60 in [0.15, 0.8] s, low-passed (air and wall absorption) and scaled to a
     * direct-to-reverberant ratio in [−3, 12] dB.
     */
    static Pair synthetic(Random rng) {
        double rt60 = 0.15 + 0.65 * rng.nextDouble();
        int len = Math.min(MAX_LENGTH, (int) (1.2 * rt60 * FS));
        float[] h = new float[len];
        int direct = PRE;
        h[direct] = 1;
        int reflections = 3 + rng.nextInt(8);
        for (int r = 0; r < reflections; r++) {
            int d = direct + FS / 1000 + rng.nextInt(FS / 50 - FS / 1000);
            if (d < len) {
                h[d] += (float) ((rng.nextBoolean() ? 1 : -1) * (0.1 + 0.5 * rng.nextDouble())
                        * Math.exp(-6.9 * (d - direct) / (rt60 * FS)));
            }
        }
        float[] tail = new float[len];
        double decay = -6.9 / (rt60 * FS);
        int onset = direct + FS / 400;
        for (int i = onset; i < len; i++) {
            double ramp = Math.min(1, (i - onset) / (0.005 * FS));
            tail[i] = (float) (rng.nextGaussian() * Math.exp(decay * (i - direct)) * ramp);
        }
        SecondOrderFilter.lowPass(3000 + 9000 * rng.nextDouble(), 0.707, FS).apply(tail);
        double tailEnergy = 0;
        for (float v : tail) {
            tailEnergy += v * v;
        }
        double drrDb = -3 + 15 * rng.nextDouble();
        double g = tailEnergy > 0 ? Math.sqrt(Math.pow(10, -drrDb / 10) / tailEnergy) : 0;
        for (int i = 0; i < len; i++) {
            h[i] += (float) (g * tail[i]);
        }
        return new Pair(h, early(h, direct));
    }

    /** The target response: everything up to 10 ms after {@code direct}, then a 5 ms fade to zero. */
    static float[] early(float[] h, int direct) {
        float[] e = new float[Math.min(h.length, direct + EARLY + FADE)];
        for (int i = 0; i < e.length; i++) {
            int t = i - direct - EARLY;
            double w = t < 0 ? 1 : 0.5 * (1 + Math.cos(Math.PI * t / FADE));
            e[i] = (float) (h[i] * w);
        }
        return e;
    }
}
