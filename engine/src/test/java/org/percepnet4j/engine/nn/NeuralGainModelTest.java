package org.percepnet4j.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.percepnet4j.engine.GainPredictor;

class NeuralGainModelTest {

    private static final int[] GRUS = {12, 10};

    private static NeuralGainModel tiny() {
        return RandomWeights.model(7, 16, 14, 12, GRUS, 9, 6);
    }

    @Test
    void widthsComeFromTheFileAndAreReported() {
        NeuralGainModel m = tiny();
        assertThat(m.name()).isEqualTo("random-test");
        assertThat(m.describe()).startsWith("dense 16, conv 14(k5)/12(k3), gru 12/10, gain gru 9, strength gru 6");
        int expected = 70 * 16 + 16 + 16 * 14 * 5 + 14 + 14 * 12 * 3 + 12
                + 36 * (12 + 12) + 72 + 30 * (12 + 10) + 60 + 27 * (10 + 9) + 54
                + 34 * (12 + 12 + 10 + 9) + 34 + 18 * (12 + 10 + 6) + 36 + 34 * 6 + 34;
        assertThat(m.parameterCount()).isEqualTo(expected);
    }

    @Test
    void predictorMatchesAPlainDoublePrecisionForwardPass() throws Exception {
        WeightFile file = WeightFile.parse(RandomWeights.file(7, 16, 14, 12, GRUS, 9, 6).toBytes());
        GainPredictor p = NeuralGainModel.of(file).newPredictor();
        ReferenceNetwork ref = new ReferenceNetwork(file, GRUS.length);
        Random rng = new Random(5);
        float[] f = new float[70];
        float[] g = new float[34];
        float[] s = new float[34];
        for (int t = 0; t < 40; t++) {
            for (int i = 0; i < 70; i++) {
                f[i] = (float) (rng.nextGaussian() * 2);
            }
            p.predict(f, g, s);
            double[][] expected = ref.step(f);
            for (int b = 0; b < 34; b++) {
                assertThat((double) g[b]).isCloseTo(expected[0][b], within(1e-5));
                assertThat((double) s[b]).isCloseTo(expected[1][b], within(1e-5));
            }
        }
    }

    @Test
    void resetReturnsToTheFreshStateAndStreamsAreIndependent() {
        NeuralGainModel m = tiny();
        GainPredictor a = m.newPredictor();
        GainPredictor b = m.newPredictor();
        Random rng = new Random(1);
        float[][] frames = new float[30][70];
        for (float[] fr : frames) {
            for (int i = 0; i < 70; i++) {
                fr[i] = rng.nextFloat() * 4 - 2;
            }
        }
        float[][] first = run(a, frames);
        float[] g = new float[34];
        float[] s = new float[34];
        for (int i = 0; i < 7; i++) {
            b.predict(frames[(i * 7) % 30], g, s); // b's history must not leak into a
        }
        assertThat(run(a, frames)).isNotEqualTo(first); // the state carried over
        a.reset();
        assertThat(run(a, frames)).isEqualTo(first);
    }

    private static float[][] run(GainPredictor p, float[][] frames) {
        float[][] out = new float[frames.length][68];
        float[] g = new float[34];
        float[] s = new float[34];
        for (int t = 0; t < frames.length; t++) {
            p.predict(frames[t], g, s);
            System.arraycopy(g, 0, out[t], 0, 34);
            System.arraycopy(s, 0, out[t], 34, 34);
        }
        return out;
    }

    @Test
    void nonFiniteOrAbsurdFeaturesGiveOutputsInZeroToOne() {
        GainPredictor p = tiny().newPredictor();
        float[] f = new float[70];
        float[] g = new float[34];
        float[] s = new float[34];
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e30f, -1e30f};
        for (int t = 0; t < 50; t++) {
            for (int i = 0; i < 70; i++) {
                f[i] = bad[(t + i) % bad.length];
            }
            p.predict(f, g, s);
            for (int b = 0; b < 34; b++) {
                assertThat(g[b]).isBetween(0f, 1f);
                assertThat(s[b]).isBetween(0f, 1f);
            }
        }
    }

    @Test
    void predictDoesNotAllocate() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        GainPredictor p = tiny().newPredictor();
        float[] f = new float[70];
        float[] g = new float[34];
        float[] s = new float[34];
        for (int i = 0; i < 20_000; i++) {
            f[i % 70] = (i % 13) * 0.1f;
            p.predict(f, g, s);
        }
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 10_000; i++) {
            f[i % 70] = (i % 11) * 0.1f;
            p.predict(f, g, s);
        }
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(allocated).isLessThan(1024); // the counter itself may report a few bytes
    }

    @Test
    void structuralErrorsNameTheLayer() throws Exception {
        byte[] noFormat = new WeightFileWriter().tensor("x", new float[1], 1).toBytes();
        assertThatThrownBy(() -> NeuralGainModel.of(WeightFile.parse(noFormat)))
                .isInstanceOf(WeightFileException.class).hasMessageContaining("\"format\" missing");
        byte[] foreign = new WeightFileWriter().metadata("format", "other").metadata("format_version", "1").toBytes();
        assertThatThrownBy(() -> NeuralGainModel.of(WeightFile.parse(foreign)))
                .hasMessageContaining("is not percepnet4j-gain-model");
        // a model whose conv2 was exported with the wrong input width
        WeightFile good = WeightFile.parse(RandomWeights.file(1, 16, 14, 12, GRUS, 9, 6).toBytes());
        WeightFileWriter w = new WeightFileWriter().metadata(good.metadata());
        for (Tensor t : good.tensors().values()) {
            if (t.name().equals("conv2.weight")) {
                w.tensor(t.name(), new float[12 * 13 * 3], 12, 13, 3);
            } else if (!t.name().equals("gru_strength.bias_hh")) {
                w.tensor(t.name(), t.data(), t.shape());
            }
        }
        assertThatThrownBy(() -> NeuralGainModel.of(WeightFile.parse(w.toBytes())))
                .hasMessageContaining("conv2 takes 13 inputs but the layer before gives 14");
        WeightFileWriter missing = new WeightFileWriter().metadata(good.metadata());
        good.tensors().values().stream().filter(t -> !t.name().equals("gru_strength.bias_hh"))
                .forEach(t -> missing.tensor(t.name(), t.data(), t.shape()));
        assertThatThrownBy(() -> NeuralGainModel.of(WeightFile.parse(missing.toBytes())))
                .hasMessageContaining("gru_strength.bias_hh\" missing");
    }

    @Test
    void thePastCombReachIsReadFromTheMetadataAndCheckedWhenLoaded() throws Exception {
        assertThat(tiny().pastCombReach()).isZero();
        NeuralGainModel withComb = NeuralGainModel.of(WeightFile.parse(RandomWeights.file(7, 16, 14, 12, GRUS, 9, 6)
                .metadata(NeuralGainModel.PAST_COMB_REACH_KEY, "960").toBytes()));
        assertThat(withComb.pastCombReach()).isEqualTo(960);
        assertThat(withComb.describe()).endsWith("one-sided comb at 0 ms, 960 samples");
        for (String bad : new String[] {"-1", "3841", "960 samples", ""}) {
            byte[] bytes = RandomWeights.file(7, 16, 14, 12, GRUS, 9, 6)
                    .metadata(NeuralGainModel.PAST_COMB_REACH_KEY, bad).toBytes();
            assertThatThrownBy(() -> NeuralGainModel.of(WeightFile.parse(bytes)))
                    .isInstanceOf(WeightFileException.class)
                    .hasMessageContaining(NeuralGainModel.PAST_COMB_REACH_KEY);
        }
    }
}
