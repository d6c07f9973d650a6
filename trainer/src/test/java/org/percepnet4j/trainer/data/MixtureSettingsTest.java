package org.percepnet4j.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MixtureSettingsTest {

    @Test
    void trainingSnrsCoverTheWholeRangeWithThreeInFourBelowItsMiddle() {
        MixtureSettings s = MixtureSettings.training();
        assertThat(s.snrDb(0.0)).isEqualTo(-5.0);
        assertThat(s.snrDb(0.75)).isCloseTo(15.0, within(1e-12));
        assertThat(s.snrDb(Math.nextDown(1.0))).isCloseTo(35.0, within(1e-9));

        Random rng = new Random(3);
        int n = 200_000;
        int below = 0;
        int[] perFiveDb = new int[8];
        for (int i = 0; i < n; i++) {
            double snr = s.snrDb(rng.nextDouble());
            assertThat(snr).isBetween(-5.0, 35.0);
            below += snr < 15 ? 1 : 0;
            perFiveDb[Math.min(7, (int) ((snr + 5) / 5))]++;
        }
        assertThat(below / (double) n).isCloseTo(0.75, within(0.005));
        // Uniform within each half: every 5 dB of the lower half holds 3/16 of the draws, of the upper half 1/16.
        for (int b = 0; b < 8; b++) {
            assertThat(perFiveDb[b] / (double) n).as("draws in %d…%d dB", -5 + 5 * b, 5 * b)
                    .isCloseTo(b < 4 ? 3.0 / 16 : 1.0 / 16, within(0.005));
        }
    }

    @Test
    void aShareOfOneHalfIsAPlainUniformDraw() {
        MixtureSettings s = MixtureSettings.training().withSnr(-5, 35);
        MixtureSettings uniform = new MixtureSettings(4, 8, -5, 35, 0.5, 0, 0, 0, 0, false, 0, 0, -30, -30,
                new double[] {1, 0, 0, 0, 0}, 0, 0);
        for (double u = 0; u < 1; u += 0.0625) {
            assertThat(uniform.snrDb(u)).isCloseTo(-5 + 40 * u, within(1e-12));
        }
        assertThat(s.lowSnrShare()).isEqualTo(0.75);
        assertThat(MixtureSettings.evaluation(5).snrDb(0.9)).isEqualTo(5.0);
    }

    @Test
    void anImpossibleShareIsRefused() {
        for (double share : new double[] {0, 1, -0.1, Double.NaN}) {
            assertThatThrownBy(() -> new MixtureSettings(4, 8, -5, 35, share, 0, 0, 0, 0, false, 0, 0, -30, -30,
                    new double[] {1, 0, 0, 0, 0}, 0, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share");
        }
    }
}
