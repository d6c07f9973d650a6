package org.percepnet4j.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.percepnet4j.engine.GainPredictor;

class GainCalibrationTest {

    @Test
    void mapsPiecewiseLinearlyBetweenEvenlySpacedKnots() throws Exception {
        GainCalibration c = new GainCalibration(new float[] {0f, 0.5f, 0.8f, 1f, 1f});
        assertThat(c.map(0f)).isEqualTo(0f);
        assertThat(c.map(0.125f)).isCloseTo(0.25f, within(1e-6f));
        assertThat(c.map(0.25f)).isCloseTo(0.5f, within(1e-6f));
        assertThat(c.map(0.625f)).isCloseTo(0.9f, within(1e-6f));
        assertThat(c.map(0.9f)).isEqualTo(1f);
        assertThat(c.map(1f)).isEqualTo(1f);
        assertThat(c.map(-3f)).as("clamped into [0, 1] first").isEqualTo(0f);
        assertThat(c.map(7f)).isEqualTo(1f);
        assertThat(c.map(Float.NaN)).as("NaN maps to the closed gain").isEqualTo(0f);
    }

    @Test
    void identityKnotsChangeNothing() throws Exception {
        GainCalibration c = new GainCalibration(new float[] {0f, 0.25f, 0.5f, 0.75f, 1f});
        Random rng = new Random(3);
        for (int i = 0; i < 1000; i++) {
            float g = rng.nextFloat();
            assertThat(c.map(g)).isCloseTo(g, within(1e-6f));
        }
    }

    @Test
    void rejectsKnotsThatAreNotAMonotoneGainMap() {
        assertThatThrownBy(() -> new GainCalibration(new float[] {0.5f})).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> new GainCalibration(new float[] {0f, 0.6f, 0.5f})).hasMessageContaining("must not decrease");
        assertThatThrownBy(() -> new GainCalibration(new float[] {0f, 1.2f})).hasMessageContaining("[1] = 1.2");
        assertThatThrownBy(() -> new GainCalibration(new float[] {Float.NaN, 1f})).hasMessageContaining("not a gain");
    }

    @Test
    void aModelFileWithACalibrationAppliesItToTheGainsOnlyHopByHopAndInBlocks() throws Exception {
        WeightFileWriter plain = RandomWeights.file(7, 16, 14, 12, new int[] {12, 10}, 9, 6);
        float[] knots = {0f, 0.3f, 0.55f, 0.75f, 0.9f, 1f};
        WeightFileWriter calibrated = RandomWeights.file(7, 16, 14, 12, new int[] {12, 10}, 9, 6)
                .tensor(GainCalibration.TENSOR, knots, knots.length);
        NeuralGainModel raw = NeuralGainModel.of(WeightFile.parse(plain.toBytes()));
        NeuralGainModel cal = NeuralGainModel.of(WeightFile.parse(calibrated.toBytes()));
        assertThat(raw.gainCalibration()).isNull();
        assertThat(cal.gainCalibration().knots()).containsExactly(knots);
        assertThat(cal.describe()).endsWith("; calibrated gains");

        GainPredictor a = raw.newPredictor();
        GainPredictor b = cal.newPredictor();
        Random rng = new Random(11);
        int hops = 40;
        float[][] features = new float[hops][70];
        float[][] blockGains = new float[hops][34];
        float[][] blockStrengths = new float[hops][34];
        float[] ga = new float[34];
        float[] sa = new float[34];
        float[] gb = new float[34];
        float[] sb = new float[34];
        for (int t = 0; t < hops; t++) {
            for (int i = 0; i < 70; i++) {
                features[t][i] = (float) (rng.nextGaussian() * 2);
            }
            a.predict(features[t], ga, sa);
            b.predict(features[t], gb, sb);
            assertThat(sb).as("strengths are not calibrated").containsExactly(sa);
            for (int k = 0; k < 34; k++) {
                assertThat(gb[k]).isEqualTo(cal.gainCalibration().map(ga[k]));
            }
        }
        // The block path (offline render) must give the same bits as hop by hop.
        GainPredictor hopByHop = cal.newPredictor();
        GainPredictor blocks = cal.newPredictor();
        blocks.predictBlock(features, blockGains, blockStrengths, 0, hops);
        for (int t = 0; t < hops; t++) {
            hopByHop.predict(features[t], gb, sb);
            assertThat(blockGains[t]).containsExactly(gb);
            assertThat(blockStrengths[t]).containsExactly(sb);
        }
    }

    @Test
    void aBrokenCalibrationTensorIsNamedWhenTheFileLoads() {
        WeightFileWriter bad = RandomWeights.file(7, 16, 14, 12, new int[] {12, 10}, 9, 6)
                .tensor(GainCalibration.TENSOR, new float[] {0f, 0.9f, 0.4f, 1f}, 4);
        assertThatThrownBy(() -> NeuralGainModel.of(WeightFile.parse(bad.toBytes())))
                .isInstanceOf(WeightFileException.class).hasMessageContaining(GainCalibration.TENSOR);
        WeightFileWriter twoD = RandomWeights.file(7, 16, 14, 12, new int[] {12, 10}, 9, 6)
                .tensor(GainCalibration.TENSOR, new float[] {0f, 0.5f, 0.5f, 1f}, 2, 2);
        assertThatThrownBy(() -> NeuralGainModel.of(WeightFile.parse(twoD.toBytes())))
                .hasMessageContaining("one-dimensional");
    }
}
