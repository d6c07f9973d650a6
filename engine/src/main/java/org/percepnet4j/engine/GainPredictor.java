package org.percepnet4j.engine;

/**
 * One stream's inference state for a {@link GainModel}. Called once per 10 ms hop on the audio thread:
 * implementations must not allocate, lock, log or throw in {@link #predict}.
 */
public interface GainPredictor {

    /** Number of input features per hop (70 for PercepNet). */
    int FEATURES = 70;
    /** Number of ERB bands: outputs per head. */
    int BANDS = 34;

    /**
     * Runs one hop.
     *
     * @param features  {@link #FEATURES} values, as produced by the engine's feature extractor
     * @param gains     receives {@link #BANDS} band gains in [0, 1]
     * @param strengths receives {@link #BANDS} pitch-filter strengths in [0, 1]
     */
    void predict(float[] features, float[] gains, float[] strengths);

    /**
     * Runs {@code count} consecutive hops, exactly as {@code count} calls of {@link #predict} in a row would
     * (bit for bit): hop i reads {@code features[(first + i) % features.length]} and writes the rows of
     * {@code gains} and {@code strengths} with the same index. Offline renderers call it with blocks of hops so
     * that a network can use each weight for the whole block instead of fetching it again for every hop.
     */
    default void predictBlock(float[][] features, float[][] gains, float[][] strengths, int first, int count) {
        for (int i = 0; i < count; i++) {
            int row = (first + i) % features.length;
            predict(features[row], gains[row], strengths[row]);
        }
    }

    /**
     * Whether the Denoiser should skip this predictor on silent hops ({@link
     * org.percepnet4j.engine.dsp.FeatureExtractor#newestFrameSilent}), reusing the last outputs, so that its state
     * carries across stretches of silence as if they were cut out. A recurrent network needs this: one that has
     * stepped through digital silence takes the noise floor for nothing and suppresses far less for seconds once
     * sound returns, and dialogue tracks are full of such gaps between clips. Predictors that must be called at
     * every hop (the oracle counts its calls) keep the default.
     */
    default boolean holdsThroughSilence() {
        return false;
    }

    /** Returns to the state of a fresh predictor (new render, host suspend/resume). */
    void reset();
}
