package org.percepnet4j.engine.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CombFilterTest {

    @Test
    void hannWeightsAndNoisePowerGainsMatchTheSpecTable() {
        float[][] outerToCentre = {
            {.25f, .50f}, {.0833f, .25f, .3333f}, {.0366f, .125f, .2134f, .25f},
            {.0191f, .0691f, .1309f, .1809f, .2f}, {.0112f, .0417f, .0833f, .125f, .1555f, .1667f}};
        float[] powerGain = {0.375f, 0.25f, 0.1875f, 0.15f, 0.125f};
        for (int k = 1; k <= 5; k++) {
            for (int j = -k; j <= 0; j++) {
                assertThat(CombFilter.weight(k, j)).isCloseTo(outerToCentre[k - 1][j + k], within(1e-4f));
                assertThat(CombFilter.weight(k, -j)).isEqualTo(CombFilter.weight(k, j));
            }
            assertThat(CombFilter.noisePowerGain(k)).isCloseTo(powerGain[k - 1], within(1e-4f));
        }
        assertThat(CombFilter.noisePowerGain(0)).isEqualTo(1f);
    }

    @Test
    void periodsPerSideAreTruncatedToTheLookahead() {
        // Spec §5 table: M = 1..3 against T = 100, 200, 320, 480, 768.
        int[] periods = {100, 200, 320, 480, 768};
        int[][] expected = {{4, 2, 1, 1, 0}, {5, 4, 3, 2, 1}, {5, 5, 4, 3, 1}};
        for (int m = 1; m <= 3; m++) {
            for (int i = 0; i < periods.length; i++) {
                assertThat(CombFilter.periodsPerSide(periods[i], m * 480)).isEqualTo(expected[m - 1][i]);
            }
        }
        assertThat(CombFilter.periodsPerSide(60, 0)).isZero();
    }

    @Test
    void aPeriodicSignalPassesWithUnitGainAndWhiteNoisePowerIsScaledByPc() {
        int period = 200;
        int k = 5;
        int reach = k * period;
        int length = 20000;
        java.util.Random rng = new java.util.Random(3);
        float[] periodic = periodicNoise(period, length + 2 * reach, rng);
        float[] out = new float[length];
        float[] past = new float[length];
        float[] future = new float[length];
        CombFilter.apply(periodic, reach, length, period, k, out, past, future);
        for (int n = 0; n < length; n++) {
            assertThat(out[n]).isCloseTo(periodic[reach + n], within(1e-5f));
        }

        float[] noise = new float[length + 2 * reach];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) rng.nextGaussian();
        }
        CombFilter.apply(noise, reach, length, period, k, out, past, future);
        for (int n = 0; n < length; n++) {
            // the definition, p(n) = Σ w_j·y(n − jT), summed in the filter's order: centre, then the tap pairs
            float expected = CombFilter.weight(k, 0) * noise[reach + n];
            for (int j = 1; j <= k; j++) {
                expected += CombFilter.weight(k, j) * (noise[reach + n - j * period] + noise[reach + n + j * period]);
            }
            if (out[n] != expected) {
                assertThat(out[n]).as("sample %d", n).isEqualTo(expected);
            }
        }
        double power = 0;
        for (float v : out) {
            power += v * v;
        }
        assertThat(power / length).isCloseTo(CombFilter.noisePowerGain(k), within(0.01));
    }

    @Test
    void theOneSidedCombIsThePastHalfOfTheSymmetricDesignRenormalised() {
        for (int k = 1; k <= CombFilter.MAX_PERIODS_PER_SIDE; k++) {
            double half = 0;
            for (int j = 0; j <= k; j++) {
                half += CombFilter.weight(k, j);
            }
            double sum = 0;
            double power = 0;
            for (int j = 0; j <= k; j++) {
                float w = CombFilter.pastWeight(k, j);
                assertThat(w).isCloseTo((float) (CombFilter.weight(k, j) / half), within(1e-6f));
                sum += w;
                power += w * w;
            }
            assertThat(sum).isCloseTo(1.0, within(1e-6));
            assertThat(CombFilter.noisePowerGain(-k)).isCloseTo((float) power, within(1e-6f));
            // fewer taps than the symmetric filter: less noise attenuation, never more
            assertThat(CombFilter.noisePowerGain(-k)).isGreaterThan(CombFilter.noisePowerGain(k)).isLessThan(1f);
        }
    }

    @Test
    void theCombCodeIsOneSidedOnlyWithoutLookaheadAndForANetworkTrainedWithIt() {
        assertThat(CombFilter.code(200, 0, 0)).isZero();
        assertThat(CombFilter.code(200, 0, 960)).isEqualTo(-4);
        assertThat(CombFilter.code(100, 0, 960)).isEqualTo(-5);   // at most 5 periods
        assertThat(CombFilter.code(768, 0, 960)).isEqualTo(-1);
        assertThat(CombFilter.code(0, 0, 960)).isZero();           // unvoiced
        assertThat(CombFilter.code(200, 0, 100)).isZero();         // not one period within reach
        assertThat(CombFilter.code(768, 0, 1_000_000)).isEqualTo(-5); // reach capped at the kept history
        for (int m = 1; m <= 3; m++) {
            for (int period : new int[] {100, 200, 480, 768}) {
                assertThat(CombFilter.code(period, m * 480, 960)).isEqualTo(CombFilter.periodsPerSide(period, m * 480));
            }
        }
    }

    @Test
    void theOneSidedCombPassesAPeriodicSignalAndNeverReadsAhead() {
        int period = 240;
        int k = 4;
        int reach = k * period;
        int length = 4800;
        java.util.Random rng = new java.util.Random(5);
        float[] periodic = periodicNoise(period, reach + length, rng);
        float[] out = new float[length];
        float[] past = new float[length];
        CombFilter.apply(periodic, reach, length, period, -k, out, past, null);
        for (int n = 0; n < length; n++) {
            assertThat(out[n]).isCloseTo(periodic[reach + n], within(1e-5f));
        }

        // noise, with samples after the segment that must not matter
        float[] noise = new float[reach + length + 1000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) rng.nextGaussian();
        }
        CombFilter.apply(noise, reach, length, period, -k, out, past, null);
        float[] first = out.clone();
        for (int i = reach + length; i < noise.length; i++) {
            noise[i] = 1e6f;
        }
        CombFilter.apply(noise, reach, length, period, -k, out, past, null);
        assertThat(out).containsExactly(first);
        for (int n = 0; n < length; n++) {
            float expected = CombFilter.pastWeight(k, 0) * noise[reach + n];
            for (int j = 1; j <= k; j++) {
                expected += CombFilter.pastWeight(k, j) * noise[reach + n - j * period];
            }
            if (out[n] != expected) {
                assertThat(out[n]).as("sample %d", n).isEqualTo(expected);
            }
        }
        double power = 0;
        for (float v : out) {
            power += v * v;
        }
        assertThat(power / length).isCloseTo(CombFilter.noisePowerGain(-k), within(0.03));
    }

    /** One random cycle of {@code period} samples, repeated to {@code length}. */
    private static float[] periodicNoise(int period, int length, java.util.Random rng) {
        float[] cycle = new float[period];
        for (int i = 0; i < period; i++) {
            cycle[i] = (float) rng.nextGaussian();
        }
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = cycle[i % period];
        }
        return x;
    }
}
