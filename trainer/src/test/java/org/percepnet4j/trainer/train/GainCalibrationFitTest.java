package org.percepnet4j.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.percepnet4j.engine.nn.GainCalibration;

class GainCalibrationFitTest {

    @Test
    void withoutDataTheMapIsTheIdentity() {
        float[] k = new GainCalibrationFit().knots();
        assertThat(k).hasSize(GainCalibrationFit.SEGMENTS + 1);
        for (int i = 0; i < k.length; i++) {
            assertThat(k[i]).isCloseTo((float) i / GainCalibrationFit.SEGMENTS, within(1e-6f));
        }
    }

    @Test
    void exactPredictionsGiveTheIdentity() {
        GainCalibrationFit fit = new GainCalibrationFit();
        Random rng = new Random(1);
        for (int i = 0; i < 200_000; i++) {
            float g = rng.nextFloat();
            fit.add(g, g);
        }
        float[] k = fit.knots();
        for (int i = 0; i < k.length; i++) {
            assertThat(k[i]).isCloseTo((float) i / GainCalibrationFit.SEGMENTS, within(0.01f));
        }
    }

    @Test
    void gainsThatAreTooLowAreMappedToTheMeanIdealGain() throws Exception {
        // A network that says 0.6·g when the truth is g (speech attenuated by 4.4 dB): the map undoes it.
        GainCalibrationFit fit = new GainCalibrationFit();
        Random rng = new Random(2);
        for (int i = 0; i < 200_000; i++) {
            float ideal = rng.nextFloat();
            fit.add(0.6f * ideal, ideal);
        }
        GainCalibration c = new GainCalibration(fit.knots());
        assertThat(c.map(0.3f)).isCloseTo(0.5f, within(0.01f));
        assertThat(c.map(0.54f)).isCloseTo(0.9f, within(0.01f));
        assertThat(c.map(0.6f)).as("the last bin's mean, then a line to (1, 1)").isGreaterThan(0.95f);
        assertThat(c.map(0.9f)).as("beyond the data: towards (1, 1)").isGreaterThan(0.99f);
    }

    @Test
    void noisyNonMonotoneMeansArePooledIntoANonDecreasingMap() throws Exception {
        GainCalibrationFit fit = new GainCalibrationFit();
        // Bin means that fall from 0.62 to 0.38 and rise again: pooling gives 0.5 for both bins.
        for (int i = 0; i < 1000; i++) {
            fit.add(0.32f, 0.62f);
            fit.add(0.37f, 0.38f);
            fit.add(0.8f, 0.9f);
            fit.add(Float.NaN, 1f); // ignored
        }
        float[] k = fit.knots();
        for (int i = 1; i < k.length; i++) {
            assertThat(k[i]).isGreaterThanOrEqualTo(k[i - 1]);
        }
        assertThat(fit.samples()).isEqualTo(3000);
        GainCalibration c = new GainCalibration(k);
        assertThat(c.map(0.345f)).isCloseTo(0.5f, within(0.01f));
        assertThat(c.map(1f)).isEqualTo(1f);
        assertThat(c.map(0f)).isEqualTo(0f);
    }
}
