package org.percepnet4j.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.percepnet4j.engine.GainPredictor;

/**
 * {@link GainPredictor#predictBlock} of the network (layer by layer over blocks of hops) against
 * {@link GainPredictor#predict} hop by hop: bit for bit, whatever the block sizes, where the rows wrap around
 * the caller's ring, and when both kinds of call alternate on one stream.
 */
class NeuralGainBlockTest {

    @ParameterizedTest(name = "odd widths: {0}")
    @ValueSource(booleans = {false, true})
    void blocksOfAnySizeGiveTheHopByHopResultsExactly(boolean oddWidths) {
        // Odd widths exercise every remainder path of the eight/four/one-input loops; 8-multiples the main one.
        NeuralGainModel model = oddWidths
                ? RandomWeights.model(3, 13, 21, 11, new int[] {9, 7}, 5, 3)
                : RandomWeights.model(4, 96, 128, 128, new int[] {128, 128}, 96, 48);
        int hops = 300;
        float[][] features = randomFeatures(hops, 9);

        GainPredictor single = model.newPredictor();
        float[][] expectedGains = new float[hops][34];
        float[][] expectedStrengths = new float[hops][34];
        for (int t = 0; t < hops; t++) {
            single.predict(features[t], expectedGains[t], expectedStrengths[t]);
        }

        // A ring of 37 rows, blocks of 1..40 hops (more than one internal block), and single hops between them.
        int ring = 37;
        float[][] ringFeatures = new float[ring][];
        float[][] ringGains = new float[ring][34];
        float[][] ringStrengths = new float[ring][34];
        GainPredictor blocked = model.newPredictor();
        Random sizes = new Random(11);
        int t = 0;
        while (t < hops) {
            int n = Math.min(hops - t, sizes.nextInt(4) == 0 ? 1 : 1 + sizes.nextInt(ring - 1));
            int first = t % ring;
            for (int i = 0; i < n; i++) {
                ringFeatures[(first + i) % ring] = features[t + i];
            }
            if (n == 1 && sizes.nextBoolean()) {
                blocked.predict(features[t], ringGains[first], ringStrengths[first]);
            } else {
                blocked.predictBlock(ringFeatures, ringGains, ringStrengths, first, n);
            }
            for (int i = 0; i < n; i++) {
                int row = (first + i) % ring;
                assertThat(ringGains[row]).as("gains of hop %d", t + i).containsExactly(expectedGains[t + i]);
                assertThat(ringStrengths[row]).as("strengths of hop %d", t + i)
                        .containsExactly(expectedStrengths[t + i]);
            }
            t += n;
        }
    }

    @ParameterizedTest(name = "hops {0}")
    @ValueSource(ints = {0, 1, 16, 17})
    void resetClearsTheBlockPathsStateToo(int hopsBefore) {
        NeuralGainModel model = RandomWeights.model(5, 16, 14, 12, new int[] {12}, 9, 6);
        float[][] features = randomFeatures(40, 2);
        GainPredictor fresh = model.newPredictor();
        GainPredictor used = model.newPredictor();
        float[][] g = new float[40][34];
        float[][] s = new float[40][34];
        used.predictBlock(features, g, s, 0, hopsBefore);
        used.reset();
        float[][] g2 = new float[40][34];
        float[][] s2 = new float[40][34];
        used.predictBlock(features, g2, s2, 0, 40);
        fresh.predictBlock(features, g, s, 0, 40);
        for (int t = 0; t < 40; t++) {
            assertThat(g2[t]).containsExactly(g[t]);
            assertThat(s2[t]).containsExactly(s[t]);
        }
    }

    private static float[][] randomFeatures(int hops, long seed) {
        Random rng = new Random(seed);
        float[][] f = new float[hops][70];
        for (float[] row : f) {
            for (int i = 0; i < 70; i++) {
                row[i] = (float) (rng.nextGaussian() * 2);
            }
        }
        f[hops / 2][3] = Float.NaN; // the input guard must act the same in both paths
        f[hops / 3][5] = 1e30f;
        return f;
    }
}
