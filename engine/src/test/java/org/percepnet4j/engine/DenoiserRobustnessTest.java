package org.percepnet4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class DenoiserRobustnessTest {

    private static void assertFiniteAndBounded(float[][] out) {
        for (float[] ch : out) {
            for (float v : ch) {
                assertThat(Float.isFinite(v)).isTrue();
                assertThat(Math.abs(v)).isLessThanOrEqualTo(Denoiser.OUTPUT_LIMIT);
            }
        }
    }

    @Test
    void nanInfDenormalAndFullScaleInputGiveFiniteBoundedOutputAndAreCounted() {
        Denoiser d = new Denoiser(new UnityGainModel(0.7f), 2, 2);
        float[][] in = new float[2][480];
        float[][] out = new float[2][480];
        long expectedNonFinite = 0;
        java.util.Random rng = new java.util.Random(5);
        for (int h = 0; h < 400; h++) {
            int kind = h % 5;
            for (int c = 0; c < 2; c++) {
                for (int n = 0; n < 480; n++) {
                    float v;
                    switch (kind) {
                        case 0 -> v = (n % 7 == 0) ? Float.NaN : (n % 11 == 0 ? Float.POSITIVE_INFINITY : 0.1f);
                        case 1 -> v = Float.MIN_VALUE * (n + 1);
                        case 2 -> v = ((n / 50) % 2 == 0) ? 1f : -1f;
                        case 3 -> v = (float) (1e30 * rng.nextGaussian());
                        default -> v = (float) (0.3 * rng.nextGaussian());
                    }
                    if (!Float.isFinite(v)) {
                        expectedNonFinite++;
                    }
                    in[c][n] = v;
                }
            }
            d.processHop(in, out);
            assertFiniteAndBounded(out);
        }
        assertThat(d.nonFiniteSamples()).isEqualTo(expectedNonFinite);
        float[] gains = new float[34];
        d.bandGains(gains);
        for (float g : gains) {
            assertThat(Float.isFinite(g)).isTrue();
        }
        assertThat(Float.isFinite(d.pitchHz())).isTrue();
    }

    @Test
    void aModelReturningNanDoesNotBreakTheOutput() {
        GainModel broken = new GainModel() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public GainPredictor newPredictor() {
                return new GainPredictor() {
                    @Override
                    public void predict(float[] features, float[] gains, float[] strengths) {
                        java.util.Arrays.fill(gains, Float.NaN);
                        java.util.Arrays.fill(strengths, Float.POSITIVE_INFINITY);
                    }

                    @Override
                    public void reset() {
                    }
                };
            }
        };
        Denoiser d = new Denoiser(broken, 1, 1);
        float[][] in = {TestSignals.whiteNoise(480, 0.5, 3)};
        float[][] out = new float[1][480];
        for (int h = 0; h < 20; h++) {
            d.processHop(in, out);
            assertFiniteAndBounded(out);
        }
    }

    @Test
    void inPlaceProcessingGivesTheSameOutputAsSeparateBuffers() {
        Denoiser a = new Denoiser(new UnityGainModel(0.5f), 2, 1);
        Denoiser b = new Denoiser(new UnityGainModel(0.5f), 2, 1);
        for (int h = 0; h < 30; h++) {
            float[][] in = {TestSignals.whiteNoise(480, 0.2, h), TestSignals.harmonic(200, 480, 0.2, h)};
            float[][] inPlace = {in[0].clone(), in[1].clone()};
            float[][] out = new float[2][480];
            a.processHop(in, out);
            b.processHop(inPlace, inPlace);
            assertThat(inPlace[0]).containsExactly(out[0]);
            assertThat(inPlace[1]).containsExactly(out[1]);
        }
    }

    /**
     * Any allocation in the hop path costs at least 16 bytes per call, i.e. 160 kB over 10,000 hops. The
     * bound of 256 bytes leaves room only for a one-off allocation by the JVM itself (seen rarely after a
     * late JIT recompilation), not for anything the pipeline does per hop or per parameter change.
     */
    @Test
    void processHopDoesNotAllocateAfterWarmUp() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Denoiser d = new Denoiser(new UnityGainModel(0.5f), 2, 2);
        d.setPostFilterAmount(0.5f);
        float[][] in = {TestSignals.harmonic(120, 480, 0.3, 1), TestSignals.whiteNoise(480, 0.1, 2)};
        float[][] out = new float[2][480];
        for (int h = 0; h < 5000; h++) {
            if (h % 1000 == 0) {
                d.setLookahead(h / 1000 % 3);
            }
            d.processHop(in, out);
        }
        long tid = Thread.currentThread().getId();
        threads.getThreadAllocatedBytes(tid);
        long before = threads.getThreadAllocatedBytes(tid);
        for (int h = 0; h < 10_000; h++) {
            if (h % 2500 == 0) {
                d.setLookahead(h / 2500 % 3);
                d.setAttenuationLimitDb(h / 250f);
                d.setPostFilterAmount(h / 10_000f);
            }
            d.processHop(in, out);
        }
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertThat(allocated).isLessThanOrEqualTo(256);
    }

    @Test
    void resetMakesTwoRunsIdentical() {
        Denoiser d = new Denoiser(new UnityGainModel(0.3f), 1, 2);
        float[] x = TestSignals.add(TestSignals.harmonic(180, 24000, 0.3, 4), TestSignals.whiteNoise(24000, 0.1, 5), 1);
        float[] first = OfflineRender.render(d, x);
        float[] second = OfflineRender.render(d, x);
        assertThat(second).containsExactly(first);
    }
}
