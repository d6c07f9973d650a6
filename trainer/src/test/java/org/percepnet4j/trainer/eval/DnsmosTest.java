package org.percepnet4j.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.percepnet4j.trainer.data.Corpus;
import org.percepnet4j.trainer.data.CorpusFile;
import org.percepnet4j.trainer.data.Split;

class DnsmosTest {
    @Test
    void melBankIsSlaneyAreaNormalisedOver0To8kHz() {
        double[][] w = Dnsmos.melFilterBank();
        assertThat(w).hasNumberOfRows(120);
        assertThat(w[0]).hasSize(161);
        assertThat(Dnsmos.melToHz(Dnsmos.hzToMel(3000))).isCloseTo(3000, within(1e-6));
        assertThat(Dnsmos.hzToMel(1000)).isCloseTo(15, within(1e-9));
        for (double[] row : w) {
            double sum = 0;
            for (double v : row) {
                assertThat(v).isGreaterThanOrEqualTo(0);
                sum += v;
            }
            assertThat(sum).isPositive();
        }
    }

    @Test
    void scoresRealSpeechAboveTheSameSpeechInNoise() {
        assumeTrue(Dnsmos.available(Dnsmos.defaultDir()), "DNSMOS models not at " + Dnsmos.defaultDir());
        var corpus = Corpus.openDefault();
        assumeTrue(corpus.isPresent(), "corpus not found at " + Corpus.defaultRoot());
        // A sentence read by the English GCompris voice (TEST split), with white noise at 5 dB SNR.
        CorpusFile file = corpus.get().files(Split.TEST, CorpusFile.Kind.SPEECH).stream()
                .filter(f -> f.path().startsWith("speech_gcompris_intro_filtered/en/")).findFirst().orElseThrow();
        float[] speech = corpus.get().audio(file);
        float[] noisyMix = TestSignals.mix(speech, TestSignals.whiteNoise(speech.length, 1, 9), 5);
        try (Dnsmos d = Dnsmos.openDefault().orElseThrow()) {
            float[][] mel = d.melFeatures(new float[Dnsmos.WINDOW], Dnsmos.WINDOW - 160);
            assertThat(mel.length).isEqualTo(900);
            Dnsmos.Score clean = d.score(speech, 48000);
            Dnsmos.Score noisy = d.score(noisyMix, 48000);
            for (Dnsmos.Score s : new Dnsmos.Score[] {clean, noisy}) {
                assertThat(s.sig()).isBetween(1.0, 5.0);
                assertThat(s.bak()).isBetween(1.0, 5.0);
                assertThat(s.ovrl()).isBetween(1.0, 5.0);
                assertThat(s.p808()).isBetween(1.0, 5.0);
            }
            assertThat(clean.bak()).isGreaterThan(noisy.bak() + 1.0);
            assertThat(clean.ovrl()).isGreaterThan(noisy.ovrl() + 0.5);
        }
    }
}
