package org.percepnet4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LookaheadModelsTest {

    private static final FixedGainModel QUIET = new FixedGainModel(0.1f, 0f);
    private static final FixedGainModel UNITY = FixedGainModel.unity();
    private static final FixedGainModel HALF = new FixedGainModel(0.5f, 0f);

    @Test
    void elementMServesLookaheadMAndTheLastServesEveryLargerOne() {
        LookaheadModels models = new LookaheadModels("family", List.of(QUIET, UNITY));
        assertThat(models.name()).isEqualTo("family");
        assertThat(models.forLookahead(0)).isSameAs(QUIET);
        assertThat(models.forLookahead(1)).isSameAs(UNITY);
        assertThat(models.forLookahead(5)).isSameAs(UNITY);
        assertThat(models.members()).containsExactly(QUIET, UNITY);
        assertThat(UNITY.forLookahead(0)).as("a single network serves every look-ahead").isSameAs(UNITY);
        assertThatThrownBy(() -> models.forLookahead(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LookaheadModels("none", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDenoiserRunsTheNetworkOfItsCurrentLookahead() {
        Denoiser d = new Denoiser(new LookaheadModels("family", List.of(QUIET, UNITY, HALF)), 1, 2);
        d.setAttenuationLimitDb(60);
        d.setPostFilterAmount(0);
        float[] noise = TestSignals.whiteNoise(48_000, 0.1, 7);
        double in = TestSignals.rms(noise, 9_600, 48_000);
        // switch back and forth: each look-ahead must give its own network's level, whatever came before
        for (int m : new int[] {2, 0, 1, 2, 1, 0}) {
            d.setLookahead(m);
            float[] out = OfflineRender.render(d, noise);
            double expected = new double[] {0.1, 1.0, 0.5}[m];
            assertThat(TestSignals.rms(out, 9_600, 48_000) / in).as("level at M = %d", m).isCloseTo(expected, within(0.02));
        }
    }

    @Test
    void lookaheadsThatShareANetworkShareOnePredictor() {
        AtomicInteger created = new AtomicInteger();
        GainModel counted = new GainModel() {
            @Override
            public String name() {
                return "counted";
            }

            @Override
            public GainPredictor newPredictor() {
                created.incrementAndGet();
                return UNITY.newPredictor();
            }
        };
        new Denoiser(new LookaheadModels("family", List.of(QUIET, counted, counted)), 1, 2);
        assertThat(created).as("M = 1 and M = 2 run the same network").hasValue(1);
        created.set(0);
        new Denoiser(counted, 2, 2);
        assertThat(created).as("a single network: one predictor for every look-ahead").hasValue(1);
    }
}
