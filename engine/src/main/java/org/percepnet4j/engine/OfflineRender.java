package org.percepnet4j.engine;

import org.percepnet4j.engine.dsp.OracleGainModel;
import org.percepnet4j.engine.dsp.TrainingFrames;

/**
 * Whole-signal helpers for evaluation and tools: run a 48 kHz mono signal through a {@link Denoiser} and
 * get the result time-aligned with the input (the {@link Denoiser#delaySamples()} removed, same length).
 */
public final class OfflineRender {
    /** Attenuation limit used for oracle renders: effectively none. */
    public static final float ORACLE_ATTENUATION_LIMIT_DB = 100f;

    private OfflineRender() {
    }

    /**
     * Resets the denoiser (which must be mono), feeds the input followed by enough silence to flush the
     * delay, and returns output samples [delay, delay + length): sample i of the result belongs to input
     * sample i.
     */
    public static float[] render(Denoiser denoiser, float[] input) {
        if (denoiser.channels() != 1) {
            throw new IllegalArgumentException("render needs a mono Denoiser, got " + denoiser.channels() + " channels");
        }
        denoiser.reset();
        int delay = denoiser.delaySamples();
        int hops = (input.length + delay + Denoiser.HOP - 1) / Denoiser.HOP;
        float[][] in = new float[1][Denoiser.HOP];
        float[][] out = new float[1][Denoiser.HOP];
        float[] result = new float[input.length];
        for (int h = 0; h < hops; h++) {
            int from = h * Denoiser.HOP;
            java.util.Arrays.fill(in[0], 0f);
            int n = Math.max(0, Math.min(Denoiser.HOP, input.length - from));
            if (n > 0) {
                System.arraycopy(input, from, in[0], 0, n);
            }
            denoiser.processHop(in, out);
            for (int i = 0; i < Denoiser.HOP; i++) {
                int target = from + i - delay;
                if (target >= 0 && target < result.length) {
                    result[target] = out[0][i];
                }
            }
        }
        return result;
    }

    /**
     * The oracle denoiser on one example: targets from {@link TrainingFrames} of (clean, noisy) applied
     * through the Denoiser with no post-filter and no attenuation limit. {@code pitchFilter = false} gives
     * the band-gain-only oracle (all strengths 0). Returns the enhanced signal aligned with the input.
     */
    public static float[] oracle(float[] clean, float[] noisy, int lookaheadFrames, double cutoffHz, boolean pitchFilter) {
        return oracle(clean, noisy, lookaheadFrames, cutoffHz, pitchFilter, 0);
    }

    /** As above, with the one-sided comb at M = 0 of a network trained with one ({@link GainModel#pastCombReach}). */
    public static float[] oracle(float[] clean, float[] noisy, int lookaheadFrames, double cutoffHz, boolean pitchFilter,
            int pastCombReach) {
        if (clean.length != noisy.length) {
            throw new IllegalArgumentException("clean and noisy differ in length: " + clean.length + " vs " + noisy.length);
        }
        int delay = (1 + lookaheadFrames) * Denoiser.HOP;
        int paddedLength = ((noisy.length + delay + Denoiser.HOP - 1) / Denoiser.HOP) * Denoiser.HOP;
        float[] paddedClean = java.util.Arrays.copyOf(clean, paddedLength);
        float[] paddedNoisy = java.util.Arrays.copyOf(noisy, paddedLength);
        TrainingFrames targets = TrainingFrames.compute(paddedClean, paddedNoisy, lookaheadFrames, cutoffHz,
                pastCombReach);
        Denoiser denoiser = new Denoiser(OracleGainModel.of(targets, pitchFilter), 1, lookaheadFrames);
        denoiser.setPostFilterAmount(0f);
        denoiser.setAttenuationLimitDb(ORACLE_ATTENUATION_LIMIT_DB);
        return render(denoiser, noisy);
    }
}
