package org.percepnet4j.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.percepnet4j.trainer.data.MixtureSettings.NoiseKind;

class MixtureSynthesizerTest {
    private final SyntheticSource source = new SyntheticSource();

    private static MixtureSettings shortTraining() {
        return MixtureSettings.training().withSeconds(0.5, 1.0);
    }

    @Test
    void theSameSeedGivesTheSameExample() {
        var a = new MixtureSynthesizer(source, shortTraining());
        var b = new MixtureSynthesizer(source, shortTraining());
        Random ra = new Random(42), rb = new Random(42);
        for (int i = 0; i < 20; i++) {
            Example x = a.next(ra), y = b.next(rb);
            assertThat(x.noisy()).containsExactly(y.noisy());
            assertThat(x.clean()).containsExactly(y.clean());
            assertThat(x.noiseKind()).isEqualTo(y.noiseKind());
            assertThat(x.cutoffHz()).isEqualTo(y.cutoffHz());
        }
        assertThat(a.next(new Random(1)).noisy()).isNotEqualTo(a.next(new Random(2)).noisy());
    }

    @Test
    void examplesAreWholeHopsOfFiniteAudioWithinTheLengthRangeAndUnderFullScaleBeforeClipping() {
        var s = new MixtureSynthesizer(source, shortTraining());
        Random rng = new Random(3);
        for (int i = 0; i < 60; i++) {
            Example e = s.next(rng);
            assertThat(e.clean().length).isEqualTo(e.noisy().length).isBetween(24000 - 480, 48000);
            assertThat(e.clean().length % 480).isZero();
            for (int k = 0; k < e.noisy().length; k++) {
                assertThat(Float.isFinite(e.noisy()[k]) && Float.isFinite(e.clean()[k])).isTrue();
                assertThat(Math.abs(e.noisy()[k])).isLessThan(1.0f);
            }
            assertThat(e.cutoffHz()).isPositive().isLessThanOrEqualTo(24000);
        }
    }

    @Test
    void everyNoiseKindAndNoiseFreeExamplesOccurInTraining() {
        var s = new MixtureSynthesizer(source, shortTraining());
        Random rng = new Random(5);
        Set<String> kinds = new HashSet<>();
        int noiseFree = 0;
        int lowPassed = 0;
        for (int i = 0; i < 300; i++) {
            Example e = s.next(rng);
            kinds.add(e.noiseKind().split("\\+")[0]);
            if (e.noiseKind().equals("none")) {
                noiseFree++;
                assertThat(e.snrDb()).isInfinite();
            } else {
                assertThat(e.snrDb()).isBetween(-5.0, 35.0);
            }
            if (e.cutoffHz() < 11000) {
                lowPassed++;
            }
        }
        for (NoiseKind k : NoiseKind.values()) {
            assertThat(kinds).contains(k.label());
        }
        assertThat(noiseFree).isBetween(3, 40);
        assertThat(lowPassed).isGreaterThan(30);
    }

    @Test
    void evaluationMixesHitTheRequestedSnrOnActiveSpeechExactly() {
        for (double snr : new double[] {0, 5, 10}) {
            var s = new MixtureSynthesizer(source, MixtureSettings.evaluation(snr));
            Example e = s.next(new Random(11));
            float[] noise = new float[e.noisy().length];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = e.noisy()[i] - e.clean()[i];
            }
            double measured = 10 * Math.log10(MixtureSynthesizer.activePower(e.clean()) / MixtureSynthesizer.meanPower(noise));
            assertThat(measured).isCloseTo(snr, within(0.05));
            assertThat(10 * Math.log10(MixtureSynthesizer.activePower(e.clean()))).isCloseTo(-26, within(0.1));
            assertThat(e.noiseKind()).isEqualTo("real");
        }
    }

    @Test
    void aPerturbedVoiceKeepsTheExampleLengthAndMovesItsBandLimitByOneOfTheSpeeds() {
        MixtureSettings plain = new MixtureSettings(0.5, 1, 0, 0, 0.5, 1.0, 0, 0, 0, false, 0, 0, -30, -30,
                new double[] {1, 0, 0, 0, 0}, 0, 0);
        var perturbed = new MixtureSynthesizer(source, plain.withSpeedPerturbation(1));
        Random rng = new Random(17);
        Set<Double> cutoffs = new HashSet<>();
        for (int i = 0; i < 80; i++) {
            Example e = perturbed.next(rng);
            assertThat(e.clean().length % 480).isZero();
            assertThat(MixtureSynthesizer.activePower(e.clean())).isPositive();
            for (float v : e.clean()) {
                assertThat(Float.isFinite(v)).isTrue();
            }
            cutoffs.add(e.cutoffHz());
        }
        // Speaker "b" is recorded to 12 kHz, the others full band: a slower voice has less bandwidth, a faster one
        // more (up to the full band). Every example was perturbed, so 12 kHz itself never occurs, while 21.6 kHz
        // (a full-band voice at 0.9) and the full band (one at 1.025 or faster) do.
        Set<Double> possible = new HashSet<>();
        for (double f : MixtureSynthesizer.SPEEDS) {
            possible.add(12000 * f);
            possible.add(Math.min(24000, 24000 * f));
        }
        assertThat(possible).containsAll(cutoffs);
        assertThat(cutoffs).doesNotContain(12000.0).contains(24000 * 0.9, 24000.0);
        assertThat(cutoffs.stream().filter(c -> c < 13200).count()).isGreaterThan(2);
    }

    @Test
    void evaluationMixturesAreNeverSpeedPerturbed() {
        assertThat(MixtureSettings.evaluation(5).speedPerturbation()).isZero();
        assertThat(MixtureSettings.training().speedPerturbation()).isPositive();
    }

    @Test
    void noiseFreeExamplesWithoutAugmentationHaveTheTargetAsInput() {
        MixtureSettings quiet = new MixtureSettings(0.5, 1, 0, 0, 0.5, 1.0, 0, 0, 0, false, 0, 0, -30, -30,
                new double[] {1, 0, 0, 0, 0}, 0, 0);
        Example e = new MixtureSynthesizer(source, quiet).next(new Random(9));
        assertThat(e.noisy()).containsExactly(e.clean());
        assertThat(e.noiseKind()).isEqualTo("none");
    }

    @Test
    void quantisationIsRelativeToThePeakAndLeavesTheTargetAlone() {
        MixtureSettings quantised = new MixtureSettings(0.5, 1, 10, 10, 0.5, 0, 0, 0, 0, false, 0, 1.0, -45, -45,
                new double[] {1, 0, 0, 0, 0}, 0, 0);
        Example e = new MixtureSynthesizer(source, quantised).next(new Random(21));
        Set<Float> levels = new HashSet<>();
        for (float v : e.noisy()) {
            levels.add(v);
        }
        assertThat(levels.size()).isBetween(16, 2 * 4096 + 1); // 8..12 bits over ±peak
        Set<Float> cleanLevels = new HashSet<>();
        for (float v : e.clean()) {
            cleanLevels.add(v);
        }
        assertThat(cleanLevels.size()).isGreaterThan(levels.size());
    }

    @Test
    void reverberationLeavesOnlyTheEarlyPartInTheTarget() {
        MixtureSettings reverb = new MixtureSettings(1, 1, 0, 0, 0.5, 1.0, 1.0, 0.5, 0, false, 0, 0, -30, -30,
                new double[] {1, 0, 0, 0, 0}, 0, 0);
        var s = new MixtureSynthesizer(source, reverb);
        Random rng = new Random(13);
        for (int i = 0; i < 5; i++) {
            Example e = s.next(rng);
            float[] late = new float[e.noisy().length];
            for (int k = 0; k < late.length; k++) {
                late[k] = e.noisy()[k] - e.clean()[k];
            }
            // The late tail is there in the input but weaker than the target.
            double ratio = MixtureSynthesizer.meanPower(late) / MixtureSynthesizer.meanPower(e.clean());
            assertThat(ratio).isGreaterThan(1e-4).isLessThan(10);
        }
    }

    @Test
    void theCutoffNeverExceedsTheSourceBandwidthAtTheVoicesSpeedAndTheLowPassRemovesWhatIsAbove() {
        MixtureSettings s = shortTraining().withOnlyNoise(NoiseKind.COLOURED);
        var synth = new MixtureSynthesizer(source, s);
        Random rng = new Random(17);
        for (int i = 0; i < 80; i++) {
            Example e = synth.next(rng);
            if (e.speaker().equals("b:two")) {
                // Recorded to 12 kHz; a voice played up to 1.1 times as fast reaches up to 13.2 kHz.
                assertThat(e.cutoffHz()).isLessThanOrEqualTo(12000 * 1.1);
            }
            if (e.cutoffHz() < 8000) {
                // 8th-order Butterworth: an octave above the cutoff is ~48 dB down.
                assertThat(bandPowerDb(e.noisy(), 2 * e.cutoffHz(), 24000) - bandPowerDb(e.noisy(), 0, e.cutoffHz()))
                        .isLessThan(-30);
            }
        }
    }

    /** Power in [lo, hi) Hz of the Hann-windowed middle 4096 samples. */
    private static double bandPowerDb(float[] x, double lo, double hi) {
        int n = 4096, off = Math.max(0, x.length / 2 - n / 2);
        float[] buf = new float[n];
        for (int i = 0; i < n; i++) {
            buf[i] = (float) ((0.5 - 0.5 * Math.cos(2 * Math.PI * i / n)) * x[off + i]);
        }
        new org.jtransforms.fft.FloatFFT_1D(n).realForward(buf);
        double p = 1e-30;
        for (int k = 1; k < n / 2; k++) {
            double f = k * 48000.0 / n;
            if (f >= lo && f < hi) {
                p += buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1];
            }
        }
        return 10 * Math.log10(p);
    }
}
