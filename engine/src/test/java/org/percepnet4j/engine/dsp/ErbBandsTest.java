package org.percepnet4j.engine.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErbBandsTest {

    @Test
    void layoutAIsTheErbWalkDownFrom20kHzWithTheTwoBinMinimumAnd750HzMerge() {
        List<Integer> edges = new ArrayList<>();
        int e = 400;
        edges.add(0, e);
        while (e > 0) {
            int step = Math.max(2, (int) Math.round(24.7 * (4.37 * e / 20.0 + 1) / 50));
            e = Math.max(0, e - step);
            edges.add(0, e);
        }
        assertThat(edges).hasSize(35);
        // Merge the 700 and 800 Hz edges (bins 14 and 16) into 750 Hz (bin 15).
        int i14 = edges.indexOf(14);
        assertThat(edges.get(i14 + 1)).isEqualTo(16);
        edges.set(i14, 15);
        edges.remove(i14 + 1);
        for (int b = 0; b < ErbBands.BANDS; b++) {
            assertThat(ErbBands.centreBin(b)).as("band %d", b).isEqualTo(edges.get(b));
        }
    }

    @Test
    void bandsAreAtLeastTwoBinsApartAndWeightsSumToOneOnEveryBinUpTo20kHz() {
        for (int b = 1; b < ErbBands.BANDS; b++) {
            assertThat(ErbBands.centreBin(b) - ErbBands.centreBin(b - 1)).isGreaterThanOrEqualTo(2);
        }
        for (int k = 0; k <= ErbBands.TOP_BIN; k++) {
            float sum = 0;
            for (int b = 0; b < ErbBands.BANDS; b++) {
                sum += ErbBands.weight(b, k);
            }
            assertThat(sum).as("bin %d", k).isCloseTo(1f, within(1e-6f));
        }
        for (int k = ErbBands.TOP_BIN + 1; k < Stft.BINS; k++) {
            for (int b = 0; b < ErbBands.BANDS; b++) {
                assertThat(ErbBands.weight(b, k)).isZero();
            }
        }
    }

    @Test
    void bandEnergiesUseTheTriangularWeightsAndBinsAbove20kHzDoNotCount() {
        Spectrum s = new Spectrum();
        for (int k = 0; k < Stft.BINS; k++) {
            s.re[k] = (float) Math.cos(k);
            s.im[k] = (float) Math.sin(0.3 * k);
        }
        float[] e = new float[ErbBands.BANDS];
        ErbBands.energies(s, e);
        for (int b = 0; b < ErbBands.BANDS; b++) {
            double expected = 0;
            for (int k = 0; k < Stft.BINS; k++) {
                expected += ErbBands.weight(b, k) * (s.re[k] * s.re[k] + s.im[k] * s.im[k]);
            }
            assertThat((double) e[b]).isCloseTo(expected, within(1e-4));
        }
        Spectrum other = new Spectrum();
        for (int k = 0; k < Stft.BINS; k++) {
            other.re[k] = (float) Math.sin(0.7 * k);
            other.im[k] = (float) Math.cos(0.2 * k);
        }
        float[] ex = new float[ErbBands.BANDS];
        float[] ey = new float[ErbBands.BANDS];
        float[] cross = new float[ErbBands.BANDS];
        ErbBands.energiesAndCross(s, other, ex, ey, cross);
        for (int b = 0; b < ErbBands.BANDS; b++) {
            double expectedCross = 0;
            for (int k = 0; k < Stft.BINS; k++) {
                expectedCross += ErbBands.weight(b, k) * (s.re[k] * other.re[k] + s.im[k] * other.im[k]);
            }
            assertThat(ex[b]).isCloseTo(e[b], within(1e-4f));
            assertThat((double) cross[b]).isCloseTo(expectedCross, within(1e-4));
        }
    }

    @Test
    void bandValuesGoBackToBinsByTheSameWeightsAndHoldBand33Above20kHz() {
        float[] bands = new float[ErbBands.BANDS];
        for (int b = 0; b < ErbBands.BANDS; b++) {
            bands[b] = b * 0.03f;
        }
        float[] bins = new float[Stft.BINS];
        ErbBands.toBins(bands, bins);
        for (int k = 0; k <= ErbBands.TOP_BIN; k++) {
            double expected = 0;
            for (int b = 0; b < ErbBands.BANDS; b++) {
                expected += ErbBands.weight(b, k) * bands[b];
            }
            assertThat((double) bins[k]).isCloseTo(expected, within(1e-6));
        }
        for (int k = ErbBands.TOP_BIN + 1; k < Stft.BINS; k++) {
            assertThat(bins[k]).isEqualTo(bands[ErbBands.BANDS - 1]);
        }
    }
}
