package org.percepnet4j.ui;

import java.util.Arrays;
import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.GainPredictor;

/**
 * Test-only model: every band gets the same gain and no pitch filtering, so a render's effect is known in advance.
 * Stands in for the trained model where a test needs a predictable processor.
 */
public record ConstantGainModel(float gain) implements GainModel {

    @Override
    public String name() {
        return "test-constant-" + gain;
    }

    @Override
    public GainPredictor newPredictor() {
        return new GainPredictor() {
            @Override
            public void predict(float[] features, float[] gains, float[] strengths) {
                Arrays.fill(gains, 0, BANDS, gain);
                Arrays.fill(strengths, 0, BANDS, 0f);
            }

            @Override
            public void reset() {
            }
        };
    }
}
