package org.percepnet4j.engine;

/** Test model: every gain 1, every strength a constant. */
public final class UnityGainModel implements GainModel {
    private final float strength;

    public UnityGainModel(float strength) {
        this.strength = strength;
    }

    @Override
    public String name() {
        return "unity";
    }

    @Override
    public GainPredictor newPredictor() {
        return new GainPredictor() {
            @Override
            public void predict(float[] features, float[] gains, float[] strengths) {
                java.util.Arrays.fill(gains, 0, BANDS, 1f);
                java.util.Arrays.fill(strengths, 0, BANDS, strength);
            }

            @Override
            public void reset() {
            }
        };
    }
}
