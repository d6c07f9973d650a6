package org.percepnet4j.engine.dsp;

/**
 * Features and oracle targets of one (clean, noisy) example, one row per 480-sample hop: what the trainer
 * fits, computed with the same {@link FeatureExtractor} the {@code Denoiser} runs.
 *
 * <p><b>Alignment.</b> Row h holds the features the Denoiser gives its predictor at hop h (newest frame h,
 * output frame ℓ = h − M) and the targets for frame ℓ: the gains and strengths the predictor should return
 * at that call. Rows h &lt; M describe frames before the signal starts (masked out).
 *
 * <p><b>Targets</b> (spec §8): gain = sqrt(E_X/E_Y) clipped to [0, 1], times the extra attenuation when the
 * comb cannot reach the clean coherence; strength by the closed form. The clean coherence q_x uses the
 * comb the Denoiser actually applies to frame ℓ, i.e. the period tracked on the noisy signal and the same
 * comb code (K per side, or K past periods), so r is the strength that works with the filter the model will
 * get; P_c is that filter's.
 *
 * <p><b>Mask</b>: 0 (don't care) for bands whose centre lies above {@code cutoffHz}, bands where both
 * energies are below {@link #NEGLIGIBLE_BAND_ENERGY}, and frames whose noisy energy is below
 * {@link #SILENT_FRAME_ENERGY}; otherwise 1.
 */
public final class TrainingFrames {
    /** Band energy (signal scale of {@link FeatureExtractor}) below which a band is negligible. */
    public static final float NEGLIGIBLE_BAND_ENERGY = 1e-7f;
    /**
     * Total noisy frame energy below which a frame is silent for the loss (about −100 dBFS white noise); the
     * run-time silence that holds the network is {@link FeatureExtractor#SILENT_FRAME_ENERGY}, 20 dB higher.
     */
    public static final float SILENT_FRAME_ENERGY = 1e-6f;

    public final int frames;
    /** [frames][70]: exactly what the Denoiser feeds its GainPredictor. */
    public final float[][] features;
    /** [frames][34]: oracle gain targets (amplitude ratio, including extra attenuation). */
    public final float[][] gains;
    /** [frames][34]: oracle pitch-filter strengths. */
    public final float[][] strengths;
    /** [frames][34]: 1 = counts in the loss, 0 = don't care. */
    public final float[][] mask;
    /** The one-sided comb reach at M = 0 these frames were computed with (0 = none). */
    public final int pastCombReach;

    private TrainingFrames(int frames, int pastCombReach) {
        this.frames = frames;
        this.pastCombReach = pastCombReach;
        this.features = new float[frames][FeatureExtractor.FEATURES];
        this.gains = new float[frames][ErbBands.BANDS];
        this.strengths = new float[frames][ErbBands.BANDS];
        this.mask = new float[frames][ErbBands.BANDS];
    }

    /**
     * @param clean          48 kHz mono target, time-aligned with noisy and at the same level as in the mix
     * @param noisy          48 kHz mono mixture, same length
     * @param lookaheadFrames M, 0 or more
     * @param cutoffHz       the example's low-pass cutoff (bands above it are don't-care); ≥ 24000 for none
     */
    public static TrainingFrames compute(float[] clean, float[] noisy, int lookaheadFrames, double cutoffHz) {
        return compute(clean, noisy, lookaheadFrames, cutoffHz, 0);
    }

    /**
     * As {@link #compute(float[], float[], int, double)} for a network that uses a one-sided comb reaching
     * {@code pastCombReach} samples back at M = 0 ({@link FeatureExtractor#setPastCombReach}); 0 = none.
     */
    public static TrainingFrames compute(float[] clean, float[] noisy, int lookaheadFrames, double cutoffHz,
            int pastCombReach) {
        if (clean.length != noisy.length) {
            throw new IllegalArgumentException("clean and noisy differ in length: " + clean.length + " vs " + noisy.length);
        }
        if (lookaheadFrames < 0) {
            throw new IllegalArgumentException("lookaheadFrames must be >= 0, got " + lookaheadFrames);
        }
        TrainingFrames t = new TrainingFrames(noisy.length / Stft.HOP, pastCombReach);
        // No quiet-input lift: the examples' levels are drawn inside the range it lifts into, so at run time the
        // lift is 0 dB on such input and these are exactly the Denoiser's features.
        FeatureExtractor noisyAnalysis = new FeatureExtractor(lookaheadFrames, false);
        noisyAnalysis.setLookahead(lookaheadFrames);
        noisyAnalysis.setPastCombReach(pastCombReach);
        FrameStream cleanStream = new FrameStream(lookaheadFrames);
        cleanStream.setLookahead(lookaheadFrames);

        float[] noisyHop = new float[Stft.HOP];
        float[] cleanHop = new float[Stft.HOP];
        float[] cleanEnergy = new float[ErbBands.BANDS];
        float[] cleanCombEnergy = new float[ErbBands.BANDS];
        float[] cleanCross = new float[ErbBands.BANDS];
        float[] cleanCoherence = new float[ErbBands.BANDS];

        for (int h = 0; h < t.frames; h++) {
            SampleGuard.sanitise(noisy, h * Stft.HOP, noisyHop, Stft.HOP);
            SampleGuard.sanitise(clean, h * Stft.HOP, cleanHop, Stft.HOP);
            noisyAnalysis.analyse(noisyHop);
            System.arraycopy(noisyAnalysis.features(), 0, t.features[h], 0, FeatureExtractor.FEATURES);

            int comb = noisyAnalysis.combCode();
            cleanStream.push(cleanHop);
            cleanStream.analyseOutputFrame(noisyAnalysis.period(), comb);
            ErbBands.energiesAndCross(cleanStream.y, cleanStream.p, cleanEnergy, cleanCombEnergy, cleanCross);
            FeatureExtractor.coherence(cleanCross, cleanEnergy, cleanCombEnergy, cleanCoherence);

            float[] noisyEnergy = noisyAnalysis.outputFrameEnergy();
            OracleTargets.compute(cleanEnergy, noisyEnergy, cleanCoherence, noisyAnalysis.coherence(),
                    CombFilter.noisePowerGain(comb), t.gains[h], t.strengths[h]);
            fillMask(cleanEnergy, noisyEnergy, cutoffHz, t.mask[h]);
        }
        return t;
    }

    static void fillMask(float[] cleanEnergy, float[] noisyEnergy, double cutoffHz, float[] mask) {
        double frameEnergy = 0;
        for (int b = 0; b < ErbBands.BANDS; b++) {
            frameEnergy += noisyEnergy[b];
        }
        boolean silent = frameEnergy < SILENT_FRAME_ENERGY;
        for (int b = 0; b < ErbBands.BANDS; b++) {
            boolean aboveCutoff = ErbBands.centreHz(b) > cutoffHz;
            boolean negligible = cleanEnergy[b] < NEGLIGIBLE_BAND_ENERGY && noisyEnergy[b] < NEGLIGIBLE_BAND_ENERGY;
            mask[b] = silent || aboveCutoff || negligible ? 0f : 1f;
        }
    }
}
