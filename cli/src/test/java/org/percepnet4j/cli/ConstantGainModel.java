package org.percepnet4j.cli;

import java.util.Arrays;
import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.GainPredictor;

/**
 * Test-only model: the same gain in every band and no pitch filtering, whatever the input. With gain 1 the
 * denoiser passes audio through, which makes alignment and format handling checkable sample by sample; with a
 * lower gain it shows that processing happened. Never used outside tests.
 */
public record ConstantGainModel(float gain) implements GainModel {

    @Override
    public String name() {
        return "test-constant-gain-" + gain;
    }

    @Override
    public GainPredictor newPredictor() {
        return new GainPredictor() {
            @Override
            public void predict(float[] features, float[] gains, float[] strengths) {
                Arrays.fill(gains, gain);
                Arrays.fill(strengths, 0f);
            }

            @Override
            public void reset() {
            }
        };
    }
}
