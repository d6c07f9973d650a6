package org.percepnet4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The network is not stepped on digital silence (it would take the noise floor for nothing afterwards). */
class DenoiserSilenceHoldTest {

    /** Counts its calls; gains follow the calls so that reuse on held hops is visible. */
    private static final class CountingModel implements GainModel {
        final boolean holds;
        int calls;

        CountingModel(boolean holds) {
            this.holds = holds;
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public GainPredictor newPredictor() {
            return new GainPredictor() {
                @Override
                public void predict(float[] features, float[] gains, float[] strengths) {
                    calls++;
                    java.util.Arrays.fill(gains, 0, BANDS, 1f / calls);
                    java.util.Arrays.fill(strengths, 0, BANDS, 0f);
                }

                @Override
                public boolean holdsThroughSilence() {
                    return holds;
                }

                @Override
                public void reset() {
                }
            };
        }
    }

    /**
     * Hops 0–29 digital silence, 30–89 sound, 90–189 silence (a long gap), 190–249 sound, 250–269 silence (a short
     * gap), 270–299 sound.
     */
    private static float[] signal() {
        float[] x = ProcessorTestSignals.noisyTones(1, 480 * 300, 48_000, 5)[0];
        java.util.Arrays.fill(x, 0, 480 * 30, 0f);
        java.util.Arrays.fill(x, 480 * 90, 480 * 190, 0f);
        java.util.Arrays.fill(x, 480 * 250, 480 * 270, 0f);
        return x;
    }

    private static int render(CountingModel model, float[] x, float[] gainsSeen) {
        Denoiser d = new Denoiser(model, 1, 2);
        d.setLookahead(2);
        d.setAttenuationLimitDb(100); // so the gains seen are the predictor's
        float[][] in = new float[1][480];
        float[][] out = new float[1][480];
        float[] bands = new float[GainPredictor.BANDS];
        for (int h = 0; h < x.length / 480; h++) {
            System.arraycopy(x, 480 * h, in[0], 0, 480);
            d.processHop(in, out);
            d.bandGains(bands);
            gainsSeen[h] = bands[0];
        }
        return model.calls;
    }

    @Test
    void aHoldingPredictorSkipsEverySilentHopAndReusesItsLastOutput() {
        float[] seen = new float[300];
        int calls = render(new CountingModel(true), signal(), seen);
        // A hop is silent when its 20 ms frame is: hops 0–29, 91–189 and 251–269 (hop 90's and 250's frames still
        // reach back into the sound).
        assertThat(calls).isEqualTo(300 - 30 - 99 - 19);
        assertThat(seen[29]).as("before any prediction: pass").isEqualTo(1f);
        assertThat(seen[30]).isEqualTo(1f); // the first call
        assertThat(seen[90]).isEqualTo(1f / 61); // hops 30–90 stepped
        for (int h = 91; h <= 189; h++) {
            assertThat(seen[h]).as("hop %d", h).isEqualTo(seen[90]);
        }
        assertThat(seen[190]).isEqualTo(1f / 62);
        assertThat(seen[299]).isEqualTo(1f / calls);
    }

    @Test
    void otherPredictorsAreCalledEveryHop() {
        float[] seen = new float[300];
        assertThat(render(new CountingModel(false), signal(), seen)).isEqualTo(300);
    }
}
