package org.percepnet4j.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.percepnet4j.engine.ProcessorRender;
import org.percepnet4j.trainer.data.Corpus;
import org.percepnet4j.trainer.data.Example;
import org.percepnet4j.trainer.data.MixtureSettings;
import org.percepnet4j.trainer.data.MixtureSynthesizer;
import org.percepnet4j.trainer.data.Resampler;
import org.percepnet4j.trainer.data.Split;

/**
 * Issue 3: quality at 44.1 kHz is within 0.5 dB SI-SDR of 48 kHz on the same held-out material. The oracle runs
 * through the whole Processor path (rate converters, hops, latency) at both rates; the 44.1 kHz clean and noisy
 * signals are converted from the 48 kHz example with the trainer's zero-delay resampler, so both rates hear the
 * same speech and noise. Test-split speakers and noises, real recorded noise at 0 and 5 dB SNR.
 * Skipped when the corpus is absent.
 */
class ProcessorRateOracleTest {

    private static final int LOOKAHEAD = 2;
    private static final int EXAMPLES_PER_SNR = 3;

    @Test
    void oracleAt44kHzIsWithinHalfADecibelSiSdrOf48kHzOnHeldOutSpeech() {
        Corpus corpus = Corpus.openDefault().orElse(null);
        assumeTrue(corpus != null, "corpus not found at " + Corpus.defaultRoot() + " (set -Dpercepnet.corpus)");
        Resampler down = new Resampler(48_000, 44_100);
        double sum48 = 0;
        double sum44 = 0;
        int count = 0;
        for (double snr : new double[] {0, 5}) {
            MixtureSynthesizer synth = new MixtureSynthesizer(corpus, Split.TEST,
                    MixtureSettings.evaluation(snr).withSeconds(4, 4));
            Random rng = new Random(20_261_125L + (long) snr);
            for (int i = 0; i < EXAMPLES_PER_SNR; i++) {
                Example e = synth.next(rng);
                float[] clean44 = down.process(e.clean());
                float[] noisy44 = down.process(e.noisy());
                double s48 = Metrics.siSdr(e.clean(),
                        ProcessorRender.oracle(e.clean(), e.noisy(), 48_000, LOOKAHEAD, e.cutoffHz()));
                double s44 = Metrics.siSdr(clean44,
                        ProcessorRender.oracle(clean44, noisy44, 44_100, LOOKAHEAD, e.cutoffHz()));
                System.out.printf(Locale.ROOT, "[rate-oracle] %s / %s at %.0f dB: noisy %.2f dB, oracle 48 kHz %.2f dB,"
                        + " 44.1 kHz %.2f dB%n", e.speaker(), e.noiseKind(), snr, Metrics.siSdr(e.clean(), e.noisy()),
                        s48, s44);
                sum48 += s48;
                sum44 += s44;
                count++;
            }
        }
        double mean48 = sum48 / count;
        double mean44 = sum44 / count;
        System.out.printf(Locale.ROOT, "[rate-oracle] mean over %d examples: 48 kHz %.2f dB, 44.1 kHz %.2f dB%n",
                count, mean48, mean44);
        assertThat(Math.abs(mean44 - mean48)).as("48 kHz %.2f dB vs 44.1 kHz %.2f dB", mean48, mean44)
                .isLessThan(0.5);
    }
}
