package org.percepnet4j.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ActivationsTest {

    @Test
    void tanhIsWithinFourTenMillionthsOfTheExactValueEverywhere() {
        double worst = 0;
        for (int i = -2_000_000; i <= 2_000_000; i++) {
            float x = i * 1e-5f;
            worst = Math.max(worst, Math.abs(Activations.tanh(x) - Math.tanh(x)));
        }
        assertThat(worst).isLessThan(4e-7);
    }

    @Test
    void tanhIsOddExactAtZeroAndBoundedWithTheRightLimits() {
        assertThat(Activations.tanh(0f)).isEqualTo(0f);
        for (float x : new float[] {1e-30f, 1e-6f, 0.3f, 1.7f, 4f, 8.4f, 9f, 50f, Float.MAX_VALUE}) {
            assertThat(Activations.tanh(-x)).isEqualTo(-Activations.tanh(x));
            assertThat(Activations.tanh(x)).isBetween(0f, 1f);
        }
        assertThat((double) Activations.tanh(1e-6f)).isCloseTo(1e-6, within(1e-12));
        assertThat(Activations.tanh(Float.POSITIVE_INFINITY)).isEqualTo(Activations.tanh(100f));
        assertThat((double) Activations.tanh(Float.NEGATIVE_INFINITY)).isCloseTo(-1, within(1e-7));
        assertThat(Activations.tanh(Float.NaN)).isNaN();
    }

    @Test
    void sigmoidIsWithinTwoTenMillionthsAndStaysInTheUnitInterval() {
        double worst = 0;
        for (int i = -3_000_000; i <= 3_000_000; i++) {
            float x = i * 1e-5f;
            float s = Activations.sigmoid(x);
            assertThat(s).isBetween(0f, 1f);
            worst = Math.max(worst, Math.abs(s - 1 / (1 + Math.exp(-(double) x))));
        }
        assertThat(worst).isLessThan(2.5e-7);
        assertThat(Activations.sigmoid(0f)).isEqualTo(0.5f);
        assertThat(Activations.sigmoid(Float.NaN)).isNaN();
    }

    @Test
    void arrayFormsApplyTheScalarFunctionToTheGivenRangeOnly() {
        float[] v = new float[40];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i - 20) * 0.37f;
        }
        float[] t = v.clone();
        Activations.tanh(t, 5, 30);
        float[] s = v.clone();
        Activations.sigmoid(s, 5, 30);
        for (int i = 0; i < v.length; i++) {
            boolean inside = i >= 5 && i < 35;
            assertThat(t[i]).isEqualTo(inside ? Activations.tanh(v[i]) : v[i]);
            assertThat(s[i]).isEqualTo(inside ? Activations.sigmoid(v[i]) : v[i]);
        }
    }
}
