package org.percepnet4j.engine.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class QuietInputLiftTest {

    /** Band energy sum whose frame level is {@code db} (this class's units). */
    private static double sumAt(double db) {
        return Math.pow(10, db / 10);
    }

    /** Sample {@code n} of a voice-like tone (150 Hz and its third harmonic at half amplitude). */
    private static double voiceLike(long n, double amplitude) {
        return amplitude * (Math.sin(2 * Math.PI * 150 * n / 48000.0)
                + 0.5 * Math.sin(2 * Math.PI * 450 * n / 48000.0));
    }

    /** One voiced hop at frame level {@code db}, measured unless silent, as the extractor would say. */
    private static void hop(QuietInputLift lift, double db) {
        double sum = sumAt(db);
        lift.update(sum, sum >= FeatureExtractor.SILENT_FRAME_ENERGY);
    }

    @Test
    void inputWhoseLoudPassagesLieInTheTrainedRangeIsNeverLifted() {
        QuietInputLift lift = new QuietInputLift();
        Random rng = new Random(1);
        for (int hop = 0; hop < 2000; hop++) {
            // speech-like: loud frames at the target and above, pauses 30 dB lower
            double level = hop % 50 < 30 ? QuietInputLift.TARGET_DB + 6 * rng.nextDouble()
                    : QuietInputLift.TARGET_DB - 30;
            hop(lift, level);
            assertThat(lift.liftDb()).as("hop %d", hop).isZero();
            assertThat(lift.energyFactor()).isEqualTo(1f);
        }
    }

    @Test
    void quietInputIsLiftedSoItsLoudPassagesSitAtTheTarget() {
        QuietInputLift lift = new QuietInputLift();
        for (int hop = 0; hop < 600; hop++) {
            hop(lift, hop % 50 < 30 ? QuietInputLift.TARGET_DB - 20 : QuietInputLift.TARGET_DB - 50);
        }
        assertThat(lift.liftDb()).isCloseTo(20, within(QuietInputLift.BIN_DB));
        assertThat((double) lift.energyFactor()).isCloseTo(Math.pow(10, lift.liftDb() / 10), within(1e-3));
    }

    @Test
    void theLiftIsCappedAndUnmeasuredFramesDoNotCount() {
        QuietInputLift lift = new QuietInputLift();
        for (int hop = 0; hop < 300; hop++) {
            lift.update(0, false); // digital silence
            lift.update(sumAt(QuietInputLift.TARGET_DB - 40), false); // quiet unvoiced noise
        }
        assertThat(lift.liftDb()).isZero();
        for (int hop = 0; hop < 300; hop++) {
            hop(lift, QuietInputLift.TARGET_DB - 52);
        }
        assertThat(lift.liftDb()).isCloseTo(QuietInputLift.MAX_LIFT_DB, within(1e-6));
    }

    @Test
    void aLoudOnsetAfterLongQuietIsNotLiftedAboveTheTrainedRange() {
        QuietInputLift lift = new QuietInputLift();
        for (int hop = 0; hop < 700; hop++) {
            hop(lift, QuietInputLift.TARGET_DB - 40); // quiet voiced input alone: lifted fully
        }
        assertThat(lift.liftDb()).isEqualTo(QuietInputLift.MAX_LIFT_DB, within(1e-6));
        double loud = QuietInputLift.CEILING_DB - 5;
        hop(lift, loud);
        // at once, although the 5 s percentile still says "quiet"
        assertThat(loud + lift.liftDb()).isLessThanOrEqualTo(QuietInputLift.CEILING_DB);
        for (int hop = 0; hop < 200; hop++) {
            double level = hop % 50 < 30 ? loud : QuietInputLift.TARGET_DB - 40;
            hop(lift, level);
            assertThat(level + lift.liftDb()).as("hop %d", hop).isLessThanOrEqualTo(QuietInputLift.CEILING_DB);
        }
        assertThat(lift.liftDb()).isZero();
    }

    @Test
    void sparseClicksDoNotHoldTheMeasureUp() {
        QuietInputLift lift = new QuietInputLift();
        double speech = QuietInputLift.TARGET_DB - 20;
        for (int hop = 0; hop < 1000; hop++) {
            boolean click = hop % 25 == 0; // 4 % of hops, 40 dB louder
            hop(lift, click ? speech + 40 : hop % 50 < 30 ? speech : speech - 30);
        }
        assertThat(lift.measureDb()).isCloseTo(speech, within(QuietInputLift.BIN_DB));
    }

    @Test
    void resetForgetsTheInput() {
        QuietInputLift lift = new QuietInputLift();
        for (int hop = 0; hop < 300; hop++) {
            hop(lift, QuietInputLift.TARGET_DB - 20);
        }
        assertThat(lift.liftDb()).isPositive();
        lift.reset();
        assertThat(lift.liftDb()).isZero();
        hop(lift, QuietInputLift.TARGET_DB - 20);
        assertThat(lift.liftDb()).as("one frame is not enough to lift").isZero();
    }

    @Test
    void quietNoiseAloneIsNotLiftedButQuietVoicedSoundIs() {
        FeatureExtractor extractor = new FeatureExtractor(2, true);
        extractor.setLookahead(2);
        float[] hop = new float[Stft.HOP];
        Random rng = new Random(3);
        for (int h = 0; h < 400; h++) {
            for (int i = 0; i < hop.length; i++) {
                hop[i] = (float) (3e-4 * rng.nextGaussian()); // white noise at about -70 dBFS: room tone
            }
            extractor.analyse(hop);
            assertThat(extractor.quietInputLiftDb()).as("hop %d", h).isZero();
        }
        long n = 0;
        for (int h = 0; h < 100; h++) {
            for (int i = 0; i < hop.length; i++, n++) {
                // a quiet voice-like tone (about -60 dBFS) over the same room tone
                hop[i] = (float) (3e-4 * rng.nextGaussian() + voiceLike(n, 1.5e-3));
            }
            extractor.analyse(hop);
        }
        assertThat(extractor.quietInputLiftDb()).isGreaterThan(10);
    }

    @Test
    void theExtractorLiftsOnlyTheLogEnergiesAndTheTrainerDoesNotLift() {
        FeatureExtractor lifted = new FeatureExtractor(2, true);
        FeatureExtractor plain = new FeatureExtractor(2, false);
        lifted.setLookahead(2);
        plain.setLookahead(2);
        float[] hop = new float[Stft.HOP];
        long n = 0;
        for (int h = 0; h < 300; h++) {
            for (int i = 0; i < hop.length; i++, n++) {
                // a 150 Hz pulse-like tone at about -65 dBFS
                hop[i] = (float) voiceLike(n, 5e-4);
            }
            lifted.analyse(hop);
            plain.analyse(hop);
        }
        assertThat(plain.quietInputLiftDb()).isZero();
        double liftDb = lifted.quietInputLiftDb();
        assertThat(liftDb).isGreaterThan(10);
        float[] a = lifted.features();
        float[] b = plain.features();
        for (int i = FeatureExtractor.COHERENCE_OFFSET; i < FeatureExtractor.FEATURES; i++) {
            assertThat(a[i]).as("feature %d", i).isEqualTo(b[i]);
        }
        // the strongest band moves by the lift: log10(g^2 E)/4 = log10(E)/4 + dB/40
        int strongest = 0;
        for (int i = 1; i < ErbBands.BANDS; i++) {
            if (b[i] > b[strongest]) {
                strongest = i;
            }
        }
        assertThat((double) (a[strongest] - b[strongest])).isCloseTo(liftDb / 40, within(1e-4));
    }
}
