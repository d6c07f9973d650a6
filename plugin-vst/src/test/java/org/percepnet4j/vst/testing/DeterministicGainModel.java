package org.percepnet4j.vst.testing;

import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.GainPredictor;

/**
 * A fixed, stateless stand-in for the trained network, for the plugin's own tests only (selected by the test
 * bundles' {@code testGainModel} key): band gains follow the band's feature value through a fixed logistic curve,
 * so louder bands pass and quiet ones are attenuated, and the output depends on the input the same way on every
 * run, in every host. Never shipped: the bundle built by {@code mvn package} runs the default model.
 */
public final class DeterministicGainModel implements GainModel {

    @Override
    public String name() {
        return "test-deterministic-logistic";
    }

    @Override
    public GainPredictor newPredictor() {
        return new GainPredictor() {
            @Override
            public void predict(float[] features, float[] gains, float[] strengths) {
                for (int b = 0; b < BANDS; b++) {
                    float x = features[b];
                    float g = (float) (1 / (1 + Math.exp(-(x + 1.0) * 1.5)));
                    gains[b] = Float.isFinite(g) ? 0.1f + 0.9f * g : 1f;
                    strengths[b] = 0.25f;
                }
            }

            @Override
            public void reset() {
                // stateless
            }
        };
    }
}
