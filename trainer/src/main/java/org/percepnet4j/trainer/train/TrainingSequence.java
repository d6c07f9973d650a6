package org.percepnet4j.trainer.train;

/**
 * A fixed-length run of frames cut from one example: raw features and oracle targets, row-major.
 *
 * @param features   [frames·70] raw engine features
 * @param gains      [frames·34] oracle gains
 * @param strengths  [frames·34] oracle strengths
 * @param mask       [frames·34] 1 = counts in the loss; padding frames are all 0
 * @param lookahead  M the features were computed with
 * @param noiseKind  what was added to the speech (for reports)
 * @param snrDb      the example's SNR
 */
public record TrainingSequence(float[] features, float[] gains, float[] strengths, float[] mask, int lookahead,
                               String noiseKind, double snrDb) {

    public int frames() {
        return features.length / NetworkShape.FEATURES;
    }
}
