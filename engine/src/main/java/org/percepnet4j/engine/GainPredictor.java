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

    /** Returns to the state of a fresh predictor (new render, host suspend/resume). */
    void reset();
}
