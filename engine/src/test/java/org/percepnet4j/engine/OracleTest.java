package org.percepnet4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.percepnet4j.engine.dsp.ErbBands;
import org.percepnet4j.engine.dsp.FeatureExtractor;
import org.percepnet4j.engine.dsp.TrainingFrames;

class OracleTest {
    private static final int LOOKAHEAD = 2;

    /** Voiced harmonic "speech" with a slow vibrato and pauses, at 48 kHz. */
    private static float[] voicedWithPauses(int length) {
        float[] x = new float[length];
        double phase = 0;
        for (int n = 0; n < length; n++) {
            double t = n / 48000.0;
            double f0 = 140 + 15 * Math.sin(2 * Math.PI * 3 * t);
            phase += 2 * Math.PI * f0 / 48000.0;
            double v = 0;
            for (int k = 1; k * f0 < 7000; k++) {
                v += Math.sin(k * phase) / k;
            }
            double envelope = (t % 1.0) < 0.7 ? Math.sin(Math.PI * (t % 1.0) / 0.7) : 0;
            x[n] = (float) (0.15 * envelope * v);
        }
        return x;
    }

    @Test
    void theOracleImprovesSnrOnSyntheticVoicedSignalInWhiteNoise() {
        float[] clean = voicedWithPauses(3 * 48000);
        float[] noise = TestSignals.whiteNoise(clean.length, 1, 11);
        float[] noisy = TestSignals.add(clean, noise, TestSignals.noiseScaleForSnr(clean, noise, 0));

        float[] enhanced = OfflineRender.oracle(clean, noisy, LOOKAHEAD, 24000, true);

        double before = TestSignals.snrDb(clean, noisy, 0, clean.length);
        double after = TestSignals.snrDb(clean, enhanced, 0, clean.length);
        assertThat(after - before).isGreaterThan(8);
    }

    @Test
    void thePitchFilterOracleBeatsTheBandGainOnlyOracleOnAVoicedSignalInNoise() {
        float[] clean = voicedWithPauses(3 * 48000);
        float[] noise = TestSignals.whiteNoise(clean.length, 1, 12);
        float[] noisy = TestSignals.add(clean, noise, TestSignals.noiseScaleForSnr(clean, noise, 0));

        float[] withComb = OfflineRender.oracle(clean, noisy, LOOKAHEAD, 24000, true);
        float[] gainOnly = OfflineRender.oracle(clean, noisy, LOOKAHEAD, 24000, false);

        double comb = TestSignals.snrDb(clean, withComb, 0, clean.length);
        double gains = TestSignals.snrDb(clean, gainOnly, 0, clean.length);
        assertThat(comb).isGreaterThan(gains + 0.5);
    }

    @Test
    void atZeroLookaheadTheOneSidedCombGivesTheOracleWhatTheSymmetricOneCannot() {
        float[] clean = voicedWithPauses(3 * 48000);
        float[] noise = TestSignals.whiteNoise(clean.length, 1, 13);
        float[] noisy = TestSignals.add(clean, noise, TestSignals.noiseScaleForSnr(clean, noise, 0));

        double none = TestSignals.snrDb(clean, OfflineRender.oracle(clean, noisy, 0, 24000, true), 0, clean.length);
        double pastOnly = TestSignals.snrDb(clean, OfflineRender.oracle(clean, noisy, 0, 24000, true, 960), 0,
                clean.length);
        assertThat(pastOnly).isGreaterThan(none + 0.5);
    }

    @Test
    void trainingFramesHaveOneRowPerHopWithTargetsInRangeAndTheMaskRules() {
        float[] clean = voicedWithPauses(48000);
        float[] noise = TestSignals.whiteNoise(clean.length, 1, 13);
        float[] noisy = TestSignals.add(clean, noise, TestSignals.noiseScaleForSnr(clean, noise, 5));
        double cutoff = 4000;

        TrainingFrames t = TrainingFrames.compute(clean, noisy, LOOKAHEAD, cutoff);

        assertThat(t.frames).isEqualTo(100);
        for (int h = 0; h < t.frames; h++) {
            assertThat(t.features[h]).hasSize(70);
            for (float f : t.features[h]) {
                assertThat(f).isBetween(-1.5f, 3f);
            }
            for (int b = 0; b < ErbBands.BANDS; b++) {
                assertThat(t.gains[h][b]).isBetween(0f, 1f);
                assertThat(t.strengths[h][b]).isBetween(0f, 1f);
                float expectedMaskAboveCutoff = ErbBands.centreHz(b) > cutoff || h < LOOKAHEAD ? 0f : t.mask[h][b];
                assertThat(t.mask[h][b]).isEqualTo(expectedMaskAboveCutoff);
            }
        }
        // Frames before the signal (h < M) are silent: all don't-care.
        assertThat(t.mask[0]).containsOnly(0f);
        // A voiced frame in the middle of a syllable: low bands count and the comb is used.
        float[] row = t.mask[30];
        assertThat(row[3]).isEqualTo(1f);
        float strengthSum = 0;
        for (int h = 10; h < 60; h++) {
            for (int b = 0; b < 20; b++) {
                strengthSum += t.strengths[h][b];
            }
        }
        assertThat(strengthSum).isGreaterThan(10f);
    }

    @Test
    void trainingFeaturesAreExactlyWhatTheDenoiserFeedsItsPredictor() {
        float[] clean = voicedWithPauses(48000);
        float[] noise = TestSignals.whiteNoise(clean.length, 1, 14);
        float[] noisy = TestSignals.add(clean, noise, TestSignals.noiseScaleForSnr(clean, noise, 5));
        TrainingFrames t = TrainingFrames.compute(clean, noisy, LOOKAHEAD, 24000);

        float[][] seen = new float[t.frames][];
        GainModel recorder = new GainModel() {
            @Override
            public String name() {
                return "recorder";
            }

            @Override
            public GainPredictor newPredictor() {
                return new GainPredictor() {
                    int h;

                    @Override
                    public void predict(float[] features, float[] gains, float[] strengths) {
                        if (h < seen.length) {
                            seen[h] = features.clone();
                        }
                        h++;
                        java.util.Arrays.fill(gains, 1f);
                        java.util.Arrays.fill(strengths, 0f);
                    }

                    @Override
                    public void reset() {
                        h = 0;
                    }
                };
            }
        };
        Denoiser d = new Denoiser(recorder, 1, LOOKAHEAD);
        OfflineRender.render(d, noisy);
        for (int h = 0; h < t.frames; h++) {
            assertThat(seen[h]).as("hop %d", h).containsExactly(t.features[h]);
        }
        assertThat(FeatureExtractor.FEATURES).isEqualTo(70);
    }
}
