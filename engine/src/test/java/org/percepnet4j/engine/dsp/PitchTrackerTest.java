package org.percepnet4j.engine.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.percepnet4j.engine.TestSignals;

class PitchTrackerTest {

    /** Runs the analysis over x and returns T(ℓ) for every hop h ≥ M (ℓ = h − M). */
    private static int[] trackedPeriods(float[] x, int lookahead, boolean[] voicedOut) {
        FeatureExtractor fx = new FeatureExtractor(lookahead, false);
        fx.setLookahead(lookahead);
        int hops = x.length / 480;
        int[] periods = new int[hops];
        float[] hop = new float[480];
        for (int h = 0; h < hops; h++) {
            System.arraycopy(x, h * 480, hop, 0, 480);
            fx.analyse(hop);
            if (h >= lookahead) {
                periods[h - lookahead] = fx.period();
                if (voicedOut != null) {
                    voicedOut[h - lookahead] = fx.voiced();
                }
            }
        }
        return periods;
    }

    @Test
    void harmonicSignals80To400HzIn10dBWhiteNoiseAreTrackedWithin2PercentWithFewOctaveErrors() {
        int total = 0;
        int within2Percent = 0;
        int octaveErrors = 0;
        for (int lookahead = 0; lookahead <= 2; lookahead += 2) {
            for (double f0 = 80; f0 <= 400; f0 *= 1.17) {
                int length = 48000;
                float[] clean = TestSignals.harmonic(f0, length, 0.3, (long) f0);
                float[] noise = TestSignals.whiteNoise(length, 1, (long) f0 + 7);
                float[] x = TestSignals.add(clean, noise, TestSignals.noiseScaleForSnr(clean, noise, 10));
                int[] periods = trackedPeriods(x, lookahead, null);
                double truePeriod = 48000 / f0;
                // Skip the first 5 frames: the correlation window needs a full period history.
                for (int l = 5; l < periods.length - lookahead; l++) {
                    double ratio = periods[l] / truePeriod;
                    total++;
                    if (Math.abs(ratio - 1) <= 0.02) {
                        within2Percent++;
                    } else if (Math.abs(ratio - 2) < 0.1 || Math.abs(ratio - 0.5) < 0.05 || Math.abs(ratio - 3) < 0.15) {
                        octaveErrors++;
                    }
                }
            }
        }
        assertThat((double) within2Percent / total).isGreaterThanOrEqualTo(0.95);
        assertThat((double) octaveErrors / total).isLessThan(0.02);
    }

    /** Fraction of frames ℓ ≥ 5 whose T(ℓ) is within 2 % of the true period at the frame centre (480ℓ). */
    private static double glideTrackingScore(int lookahead) {
        int total = 0;
        int within = 0;
        for (double centre = 90; centre <= 360; centre *= 1.2) {
            int length = 48000;
            float[] x = new float[length];
            double[] f0 = new double[length];
            double phase = 0;
            for (int n = 0; n < length; n++) {
                f0[n] = centre * (1 + 0.06 * Math.sin(2 * Math.PI * 4 * n / 48000.0));
                phase += 2 * Math.PI * f0[n] / 48000;
                double v = 0;
                for (int k = 1; k * f0[n] < 8000; k++) {
                    v += Math.sin(k * phase) / k;
                }
                x[n] = (float) (0.2 * v);
            }
            float[] noise = TestSignals.whiteNoise(length, 1, (long) centre);
            float[] noisy = TestSignals.add(x, noise, TestSignals.noiseScaleForSnr(x, noise, 10));
            int[] periods = trackedPeriods(noisy, lookahead, null);
            for (int l = 5; l < periods.length - lookahead; l++) {
                total++;
                if (Math.abs(periods[l] * f0[480 * l] / 48000 - 1) <= 0.02) {
                    within++;
                }
            }
        }
        return (double) within / total;
    }

    @Test
    void aPitchWithVibratoIsFollowedAndTheLookaheadMakesTheTrackSteadier() {
        double greedy = glideTrackingScore(0);
        double withLookahead = glideTrackingScore(2);
        assertThat(withLookahead).isGreaterThanOrEqualTo(0.98).isGreaterThanOrEqualTo(greedy);
        assertThat(greedy).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void silenceIsUnvoicedAndSteadyWithFiniteFeatures() {
        float[] silence = new float[48000];
        boolean[] voiced = new boolean[100];
        int[] periods = trackedPeriods(silence, 2, voiced);
        for (int l = 0; l < 98; l++) {
            assertThat(voiced[l]).isFalse();
            assertThat(periods[l]).isEqualTo(periods[0]);
        }
        FeatureExtractor fx = new FeatureExtractor(2, false);
        fx.setLookahead(2);
        for (int h = 0; h < 50; h++) {
            fx.analyse(new float[480]);
            for (float f : fx.features()) {
                assertThat(Float.isFinite(f)).isTrue();
            }
            assertThat(fx.features()[FeatureExtractor.CORRELATION_INDEX]).isZero();
        }
    }

    @Test
    void aSteadyToneGivesItsExactPeriodNotAMirroredLag() {
        // A pure 200 Hz tone: T = 240 at 48 kHz, 80 at 16 kHz; the tracked lag must be that, not a mirror.
        float[] x = TestSignals.harmonic(200, 24000, 0.5, 1);
        int[] periods = trackedPeriods(x, 0, null);
        assertThat(periods[40]).isBetween(239, 241);
    }
}
