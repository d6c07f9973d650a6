package org.percepnet4j.engine;

/**
 * Something that turns the 70 per-hop features into 34 band gains and 34 pitch-filter strengths:
 * the trained network at run time, or the oracle during training and evaluation.
 *
 * <p>A model is immutable and may be shared by any number of channels, instances and threads; each
 * stream gets its own {@link GainPredictor}, which holds the recurrent state.
 */
public interface GainModel {

    /** Short identifier shown to users and written into presets, e.g. "percepnet-small-v1". */
    String name();

    /** A fresh predictor with zeroed state. May allocate; called from prepare-time code only. */
    GainPredictor newPredictor();

    /**
     * The model to run at a look-ahead of {@code frames} hops. One network serving every look-ahead returns itself
     * (the default); a set of networks each trained for one look-ahead ({@link LookaheadModels}) returns its member.
     * The {@link Denoiser} asks once per look-ahead when it is built, never on the audio thread.
     */
    default GainModel forLookahead(int frames) {
        return this;
    }

    /**
     * How far back, in samples, the one-sided pitch comb this network was trained with reaches at zero look-ahead
     * ({@code dsp.CombFilter}); 0 (the default) means none: at M = 0 the symmetric comb has no future period to use,
     * so such a network gets no pitch filter there. The features depend on it, so the Denoiser analyses with the
     * value of the network it runs.
     */
    default int pastCombReach() {
        return 0;
    }
}
