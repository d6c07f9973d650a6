package org.percepnet4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one-sided comb at zero look-ahead is used exactly when the network running there declares it. */
class DenoiserPastCombTest {

    /** Gains 1 and full pitch-filter strength ({@link FixedGainModel}), declaring a one-sided comb reach. */
    private static GainModel combModel(int reach) {
        GainModel fixed = new FixedGainModel(1f, 1f);
        return new GainModel() {
            @Override
            public String name() {
                return fixed.name() + "-comb-" + reach;
            }

            @Override
            public GainPredictor newPredictor() {
                return fixed.newPredictor();
            }

            @Override
            public int pastCombReach() {
                return reach;
            }
        };
    }

    private static float[] voicedInNoise() {
        float[] x = new float[2 * 48000];
        float[] noise = TestSignals.whiteNoise(x.length, 0.05, 3);
        double phase = 0;
        for (int n = 0; n < x.length; n++) {
            phase += 2 * Math.PI * 180 / 48000.0;
            double v = 0;
            for (int k = 1; k * 180 < 6000; k++) {
                v += Math.sin(k * phase) / k;
            }
            x[n] = (float) (0.2 * v) + noise[n];
        }
        return x;
    }

    private static float[] render(GainModel model, int lookahead, float[] x) {
        Denoiser d = new Denoiser(model, 1, 2);
        d.setLookahead(lookahead);
        d.setAttenuationLimitDb(0f); // only the pitch filter acts
        return OfflineRender.render(d, x);
    }

    @Test
    void atZeroLookaheadOnlyANetworkTrainedWithTheCombGetsIt() {
        float[] x = voicedInNoise();
        float[] without = render(combModel(0), 0, x);
        float[] with = render(combModel(960), 0, x);
        // without a comb, full strength mixes Y with itself: the input comes back
        double error = 0;
        double energy = 0;
        double change = 0;
        for (int n = 0; n < x.length; n++) {
            error += (without[n] - x[n]) * (without[n] - x[n]);
            energy += x[n] * x[n];
            change += (with[n] - x[n]) * (with[n] - x[n]);
        }
        assertThat(error / energy).isLessThan(1e-6);
        // with it, the noise between the harmonics is filtered: the output differs clearly from the input
        assertThat(change / energy).isGreaterThan(1e-3);
    }

    @Test
    void withLookaheadTheDeclaredReachChangesNothing() {
        float[] x = voicedInNoise();
        for (int m = 1; m <= 2; m++) {
            assertThat(render(combModel(960), m, x)).containsExactly(render(combModel(0), m, x));
        }
    }

    @Test
    void aReachOutsideTheKeptHistoryIsRefusedWhenTheDenoiserIsBuilt() {
        assertThatThrownBy(() -> new Denoiser(combModel(-1), 1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("past comb reach");
        assertThatThrownBy(() -> new Denoiser(combModel(1_000_000), 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("past comb reach");
    }
}
