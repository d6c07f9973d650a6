package org.percepnet4j.engine.dsp;

import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.GainPredictor;

/**
 * A {@link GainModel} that plays precomputed targets (normally from {@link TrainingFrames}) through the
 * Denoiser path: its predictor returns row h at its h-th call after a reset, the row the Denoiser needs at
 * hop h. Beyond the last row it repeats the last one. With {@code pitchFilter = false} every strength is 0:
 * the band-gain-only oracle used to measure what the comb filter adds.
 */
public final class OracleGainModel implements GainModel {
    private final float[][] gains;
    private final float[][] strengths;
    private final boolean pitchFilter;
    private final int pastCombReach;

    public OracleGainModel(float[][] gains, float[][] strengths, boolean pitchFilter) {
        this(gains, strengths, pitchFilter, 0);
    }

    /** {@code pastCombReach}: the comb the targets were computed for ({@link TrainingFrames#pastCombReach}). */
    public OracleGainModel(float[][] gains, float[][] strengths, boolean pitchFilter, int pastCombReach) {
        if (gains.length != strengths.length || gains.length == 0) {
            throw new IllegalArgumentException("need the same, non-zero number of gain and strength rows");
        }
        this.gains = gains;
        this.strengths = strengths;
        this.pitchFilter = pitchFilter;
        this.pastCombReach = pastCombReach;
    }

    /** The oracle of an example, with or without the pitch filter. */
    public static OracleGainModel of(TrainingFrames targets, boolean pitchFilter) {
        return new OracleGainModel(targets.gains, targets.strengths, pitchFilter, targets.pastCombReach);
    }

    @Override
    public int pastCombReach() {
        return pastCombReach;
    }

    @Override
    public String name() {
        return pitchFilter ? "oracle" : "oracle-gain-only";
    }

    @Override
    public GainPredictor newPredictor() {
        return new GainPredictor() {
            private int row;

            @Override
            public void predict(float[] features, float[] gainsOut, float[] strengthsOut) {
                int r = Math.min(row, gains.length - 1);
                System.arraycopy(gains[r], 0, gainsOut, 0, BANDS);
                if (pitchFilter) {
                    System.arraycopy(strengths[r], 0, strengthsOut, 0, BANDS);
                } else {
                    java.util.Arrays.fill(strengthsOut, 0, BANDS, 0f);
                }
                row++;
            }

            @Override
            public void reset() {
                row = 0;
            }
        };
    }
}
