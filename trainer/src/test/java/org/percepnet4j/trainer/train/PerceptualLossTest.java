package org.percepnet4j.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PerceptualLossTest {

    @BeforeAll
    static void offline() {
        System.setProperty("ai.djl.offline", "true");
    }

    /** One frame of 34 bands where every band has the given target and prediction. */
    private static float loss(float g, float gHat, float r, float rHat, float mask) {
        return loss(g, gHat, r, rHat, mask, 0f);
    }

    private static float loss(float g, float gHat, float r, float rHat, float mask, float overSuppressionWeight) {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape s = new Shape(1, 1, 34);
            NDList labels = new NDList(m.full(s, g), m.full(s, r), m.full(s, mask));
            NDList pred = new NDList(m.full(s, gHat), m.full(s, rHat));
            return new PerceptualLoss(overSuppressionWeight).evaluate(labels, pred).getFloat();
        }
    }

    private static double expectedGainTerm(double g, double gHat) {
        double a = Math.pow(g, 0.6);
        double b = Math.pow(gHat, 0.6);
        double d = (a - b) * (a - b) / (Math.max(a, b) + PerceptualLoss.EPSILON);
        return d + 10 * d * d;
    }

    @Test
    void perfectPredictionCostsNothing() {
        assertThat(loss(0.7f, 0.7f, 0.3f, 0.3f, 1)).isCloseTo(0f, within(1e-6f));
    }

    @Test
    void gainTermIsThe2021PerceptualDistanceSummedOverBands() {
        double expected = 34 * expectedGainTerm(0.8, 0.4);
        assertThat((double) loss(0.8f, 0.4f, 0, 0, 1)).isCloseTo(expected, within(1e-3 * expected));
    }

    @Test
    void mutingSpeechCostsMoreThanLeavingTheSameAmountOfNoise() {
        // the max() denominator: predicting 0.1 for a clean band (g = 1) vs 1 for a noise-only band (g = 0.1)
        assertThat(loss(1f, 0.1f, 0, 0, 1)).isGreaterThan(0);
        assertThat(loss(0.1f, 0.01f, 0, 0, 1)).isLessThan(loss(1f, 0.1f, 0, 0, 1));
    }

    @Test
    void strengthTermComparesSquareRootsOfOneMinusStrength() {
        double expected = 34 * Math.pow(Math.sqrt(1 - 0.9) - Math.sqrt(1 - 0.2), 2);
        assertThat((double) loss(0.5f, 0.5f, 0.9f, 0.2f, 1)).isCloseTo(expected, within(1e-3 * expected));
    }

    @Test
    void maskedBandsAndFramesDoNotCount() {
        assertThat(loss(1f, 0f, 1f, 0f, 0)).isEqualTo(0f);
    }

    @Test
    void overSuppressionWeightScalesOnlyGainsBelowTheIdealOne() {
        double below = 34 * expectedGainTerm(0.8, 0.4);
        double above = 34 * expectedGainTerm(0.4, 0.8);
        assertThat((double) loss(0.8f, 0.4f, 0, 0, 1, 2f)).isCloseTo(3 * below, within(1e-3 * below));
        assertThat((double) loss(0.4f, 0.8f, 0, 0, 1, 2f)).isCloseTo(above, within(1e-3 * above));
        // the strength term is not weighted
        double strength = 34 * Math.pow(Math.sqrt(1 - 0.9) - Math.sqrt(1 - 0.2), 2);
        assertThat((double) loss(0.5f, 0.5f, 0.9f, 0.2f, 1, 2f)).isCloseTo(strength, within(1e-3 * strength));
    }

    @Test
    void negativeOrNonFiniteOverSuppressionWeightIsRefused() {
        assertThatThrownBy(() -> new PerceptualLoss(-1f))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PerceptualLoss(Float.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
