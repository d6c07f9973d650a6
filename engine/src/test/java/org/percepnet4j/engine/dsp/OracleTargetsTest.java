package org.percepnet4j.engine.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OracleTargetsTest {
    private static final int B = ErbBands.BANDS;

    private static float[] filled(float v) {
        float[] a = new float[B];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    void gainIsTheAmplitudeRatioClippedToOne() {
        assertThat(OracleTargets.amplitudeGain(1, 4)).isEqualTo(0.5);
        assertThat(OracleTargets.amplitudeGain(9, 4)).isEqualTo(1.0);
        assertThat(OracleTargets.amplitudeGain(0, 4)).isEqualTo(0.0);
        assertThat(OracleTargets.amplitudeGain(1, 0)).isEqualTo(1.0);
    }

    @Test
    void noFilteringWhenTheNoisyBandIsAlreadyAsPeriodicAsTheClean() {
        float[] g = new float[B];
        float[] r = new float[B];
        OracleTargets.compute(filled(1), filled(4), filled(0.6f), filled(0.8f), 0.125f, g, r);
        assertThat(r).containsOnly(0f);
        assertThat(g).containsOnly(0.5f);
    }

    @Test
    void theClosedFormStrengthIsThePositiveRootOfItsQuadraticAndGrowsWithTheCleanCoherence() {
        double qy = 0.4;
        double pc = 0.125;
        double qp = OracleTargets.filteredCoherence(qy, pc);
        assertThat(qp).isCloseTo(qy / Math.sqrt((1 - pc) * qy * qy + pc), within(1e-12));
        double previous = 0;
        for (double qx = 0.45; qx < qp; qx += 0.05) {
            double r = OracleTargets.strength(qx, qy, qp);
            double alpha = r / (1 - r);
            double a = qp * qp - qx * qx;
            double b = qp * qy * (1 - qx * qx);
            double c = qx * qx - qy * qy;
            assertThat(a * alpha * alpha + 2 * b * alpha - c).isCloseTo(0, within(1e-9));
            assertThat(r).isBetween(0.0, 1.0).isGreaterThan(previous);
            previous = r;
        }
    }

    @Test
    void whenFilteringCannotReachTheCleanCoherenceTheStrengthIsOneAndTheGainIsAttenuated() {
        float[] g = new float[B];
        float[] r = new float[B];
        float qy = 0.3f;
        float pc = 0.375f;
        double qp = OracleTargets.filteredCoherence(qy, pc);
        float qx = 0.99f;
        assertThat(qp).isLessThan(qx);
        OracleTargets.compute(filled(1), filled(1), filled(qx), filled(qy), pc, g, r);
        double n0 = OracleTargets.MASKING_THRESHOLD_N0;
        double expected = Math.sqrt((1 + n0 - qx * qx) / (1 + n0 - qp * qp));
        assertThat(r).containsOnly(1f);
        assertThat((double) g[0]).isCloseTo(expected, within(1e-6)).isLessThan(1.0);
    }
}
