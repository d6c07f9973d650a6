package org.percepnet4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The network is not stepped on digital silence (it would take the noise floor for nothing afterwards). */
class DenoiserSilenceHoldTest {

    /** Counts its calls; gains follow the calls so that reuse on silent hops is visible. */
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

    /** 60 hops of sound, 100 of digital silence, 60 of sound. */
    private static float[] soundGapSound() {
        float[] sound = ProcessorTestSignals.noisyTones(1, 480 * 220, 48_000, 5)[0];
        java.util.Arrays.fill(sound, 480 * 60, 480 * 160, 0f);
        return sound;
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
    void aHoldingPredictorSkipsSilentHopsAndTheirOutputIsItsLastOne() {
        float[] x = soundGapSound();
        float[] seen = new float[220];
        int calls = render(new CountingModel(true), x, seen);
        // the first silent hop's 20 ms frame still reaches back into the sound
        assertThat(calls).isEqualTo(121);
        // while the newest frame is silent the applied gains stay those of the last prediction
        // (hop 60's frame still holds hop 59's sound; hop 160's already holds its own)
        assertThat(seen[60]).isEqualTo(1f / 61);
        for (int h = 61; h < 160; h++) {
            assertThat(seen[h]).as("hop %d", h).isEqualTo(seen[60]);
        }
        assertThat(seen[160]).isEqualTo(1f / 62);
        assertThat(seen[219]).isEqualTo(1f / calls);
    }

    @Test
    void otherPredictorsAreCalledEveryHop() {
        float[] seen = new float[220];
        assertThat(render(new CountingModel(false), soundGapSound(), seen)).isEqualTo(220);
    }
}
