package org.percepnet4j.engine;

import java.util.Arrays;

/**
 * Test-only model: the same band gains and pitch-filter strengths every hop, whatever the features. With gain 1
 * and strength 0 the Denoiser should be transparent, which is what the Processor's timing tests rely on.
 */
record FixedGainModel(float gain, float strength) implements GainModel {

    static FixedGainModel unity() {
        return new FixedGainModel(1f, 0f);
    }

    @Override
    public String name() {
        return "fixed-" + gain + "-" + strength;
    }

    @Override
    public GainPredictor newPredictor() {
        return new GainPredictor() {
            @Override
            public void predict(float[] features, float[] gains, float[] strengths) {
                Arrays.fill(gains, 0, BANDS, gain);
                Arrays.fill(strengths, 0, BANDS, strength);
            }

            @Override
            public void reset() {
            }
        };
    }
}
