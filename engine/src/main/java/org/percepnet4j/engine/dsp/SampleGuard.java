package org.percepnet4j.engine.dsp;

/**
 * Makes input samples safe for the signal path: NaN/Inf become silence (and are counted), absurd levels are
 * clamped, and values too small to matter become exact zeros so no denormal ever enters the arithmetic.
 * Used by the run-time path and by {@link TrainingFrames} alike, so training sees what inference sees.
 */
public final class SampleGuard {
    /** Largest accepted magnitude: +24 dBFS. Float audio may exceed 1.0, but not by this much. */
    public static final float INPUT_LIMIT = 16f;
    /** Magnitudes below this (about −300 dBFS) are flushed to 0; their squares would be denormal. */
    public static final float FLUSH_BELOW = 1e-15f;

    private SampleGuard() {
    }

    /**
     * Copies {@code n} samples from src to dst, sanitised.
     *
     * @return how many samples were NaN or infinite
     */
    public static int sanitise(float[] src, int srcFrom, float[] dst, int n) {
        int nonFinite = 0;
        for (int i = 0; i < n; i++) {
            float v = src[srcFrom + i];
            float magnitude = Math.abs(v);
            // One test for the common case; NaN fails it too and takes the slow path.
            if (magnitude >= FLUSH_BELOW && magnitude <= INPUT_LIMIT) {
                dst[i] = v;
            } else if (!Float.isFinite(v)) {
                nonFinite++;
                dst[i] = 0f;
            } else if (magnitude < FLUSH_BELOW) {
                dst[i] = 0f;
            } else {
                dst[i] = Math.copySign(INPUT_LIMIT, v);
            }
        }
        return nonFinite;
    }
}
