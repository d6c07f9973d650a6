package org.percepnet4j.trainer.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.percepnet4j.engine.OfflineRender;
import org.percepnet4j.trainer.data.Corpus;
import org.percepnet4j.trainer.data.Example;
import org.percepnet4j.trainer.data.MixtureSettings;
import org.percepnet4j.trainer.data.MixtureSynthesizer;
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

    private OracleEvaluation() {
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
