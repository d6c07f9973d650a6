package org.percepnet4j.trainer.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.percepnet4j.engine.OfflineRender;
import org.percepnet4j.engine.ProcessorRender;
import org.percepnet4j.trainer.data.Corpus;
import org.percepnet4j.trainer.data.Example;
import org.percepnet4j.trainer.data.MixtureSettings;
import org.percepnet4j.trainer.data.MixtureSynthesizer;
import org.percepnet4j.trainer.data.Resampler;
import org.percepnet4j.trainer.data.Split;

/**
 * The proof that the signal path works (issue 2): TEST speech mixed with TEST recorded noise at fixed SNRs,
 * enhanced by the oracle (ideal gains and strengths through the Denoiser, no post-filter, no attenuation limit),
 * with and without the pitch filter.
 *
 * <p>Per SNR: mean SI-SDR of the noisy input and of both oracles, and mean segmental SNR over voiced 10 ms segments
 * (voicing by the engine's tracker on the clean speech). The same speech and noise excerpt are used at every SNR
 * (the synthesizer is re-seeded per example).
 */
public final class OracleEvaluation {
    /** Figures for one input SNR, averaged over the examples. */
    public record Row(double snrDb, int examples, double noisySiSdr, double oracleSiSdr, double gainOnlySiSdr,
                      double noisyVoicedSegSnr, double oracleVoicedSegSnr, double gainOnlyVoicedSegSnr) {
        public double siSdrImprovement() {
            return oracleSiSdr - noisySiSdr;
        }
    }

    /** Oracle SI-SDR through the {@code Processor} at 48 kHz and at a host rate, on the same material. */
    public record RateRow(double snrDb, int examples, double hostRate, double siSdr48k, double siSdrHost) {
        public double differenceDb() {
            return siSdrHost - siSdr48k;
        }
    }

    private OracleEvaluation() {
    }

    /**
     * Issue 3's rate check on real held-out speech: each TEST mixture (made at 48 kHz) is also converted to
     * {@code hostRate} (clean and noisy alike, with the trainer's windowed-sinc resampler); the oracle runs through a
     * {@code Processor} prepared at each rate, and SI-SDR is measured against the clean signal at that rate.
     */
    public static List<RateRow> rateComparison(Corpus corpus, double[] snrs, int examples, double seconds,
                                               int lookahead, long seed, int hostRate) {
        List<RateRow> rows = new ArrayList<>();
        Resampler toHost = new Resampler(48000, hostRate);
        for (double snr : snrs) {
            MixtureSynthesizer synth = new MixtureSynthesizer(corpus, Split.TEST,
                    MixtureSettings.evaluation(snr).withSeconds(seconds, seconds));
            double at48 = 0, atHost = 0;
            for (int i = 0; i < examples; i++) {
                Example e = synth.next(new Random(seed + i));
                at48 += Metrics.siSdr(e.clean(),
                        ProcessorRender.oracle(e.clean(), e.noisy(), 48000, lookahead, e.cutoffHz()));
                float[] clean = toHost.process(e.clean());
                float[] noisy = toHost.process(e.noisy());
                atHost += Metrics.siSdr(clean, ProcessorRender.oracle(clean, noisy, hostRate, lookahead,
                        Math.min(e.cutoffHz(), 0.45 * hostRate)));
            }
            rows.add(new RateRow(snr, examples, hostRate, at48 / examples, atHost / examples));
        }
        return rows;
    }

    /**
     * @param examples  examples per SNR
     * @param seconds   length of each example
     * @param lookahead Denoiser look-ahead in frames (the product default is 2)
     */
    public static List<Row> run(Corpus corpus, double[] snrs, int examples, double seconds, int lookahead, long seed) {
        List<Row> rows = new ArrayList<>();
        for (double snr : snrs) {
            MixtureSynthesizer synth = new MixtureSynthesizer(corpus, Split.TEST,
                    MixtureSettings.evaluation(snr).withSeconds(seconds, seconds));
            double[] sum = new double[6];
            int[] voicedCount = new int[1];
            for (int i = 0; i < examples; i++) {
                Example e = synth.next(new Random(seed + i));
                float[] oracle = OfflineRender.oracle(e.clean(), e.noisy(), lookahead, e.cutoffHz(), true);
                float[] gainOnly = OfflineRender.oracle(e.clean(), e.noisy(), lookahead, e.cutoffHz(), false);
                sum[0] += Metrics.siSdr(e.clean(), e.noisy());
                sum[1] += Metrics.siSdr(e.clean(), oracle);
                sum[2] += Metrics.siSdr(e.clean(), gainOnly);
                boolean[] voiced = Voicing.voicedSegments(e.clean(), lookahead);
                double n = Metrics.segmentalSnr(e.clean(), e.noisy(), Metrics.DEFAULT_FRAME, voiced);
                if (!Double.isNaN(n)) {
                    sum[3] += n;
                    sum[4] += Metrics.segmentalSnr(e.clean(), oracle, Metrics.DEFAULT_FRAME, voiced);
                    sum[5] += Metrics.segmentalSnr(e.clean(), gainOnly, Metrics.DEFAULT_FRAME, voiced);
                    voicedCount[0]++;
                }
            }
            int v = Math.max(1, voicedCount[0]);
            rows.add(new Row(snr, examples, sum[0] / examples, sum[1] / examples, sum[2] / examples,
                    sum[3] / v, sum[4] / v, sum[5] / v));
        }
        return rows;
    }
}
