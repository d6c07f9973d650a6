package org.percepnet4j.trainer;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.GainPredictor;
import org.percepnet4j.engine.dsp.TrainingFrames;
import org.percepnet4j.engine.nn.NeuralGainModel;
import org.percepnet4j.trainer.data.Corpus;
import org.percepnet4j.trainer.data.Example;
import org.percepnet4j.trainer.data.MixtureSettings;
import org.percepnet4j.trainer.data.MixtureSettings.NoiseKind;
import org.percepnet4j.trainer.data.MixtureSynthesizer;
import org.percepnet4j.trainer.data.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trainer gain-report}: what a model's band gains are against the oracle's, on the same mixtures as
 * {@code trainer eval} (example i of a cell uses seed + i). For each SNR and noise kind it prints the mean predicted
 * gain of the counted bands whose ideal gain is below 0.2 (noise dominates) and at least 0.9 (speech dominates),
 * after the model file's gain calibration if it has one. A network that separates well puts the first near 0 and
 * the second near 1; a gap below 1 in the second is speech made quieter.
 */
@Command(name = "gain-report", mixinStandardHelpOptions = true,
        description = "Mean predicted band gain where the oracle gain is < 0.2 and >= 0.9, per SNR and noise kind.")
final class GainReportCommand implements Callable<Integer> {
    @Option(names = "--weights", required = true, description = "model weight file")
    Path weights;
    @Option(names = "--corpus", description = "corpus folder (default: -Dpercepnet.corpus, $PERCEPNET_CORPUS, ../shared/corpus)")
    Path corpus;
    @Option(names = "--split", defaultValue = "VALIDATION", description = "mixtures from VALIDATION or TEST (default ${DEFAULT-VALUE})")
    Split split;
    @Option(names = "--snr", split = ",", defaultValue = "0,10,35", description = "input SNRs in dB (default ${DEFAULT-VALUE})")
    double[] snrs;
    @Option(names = "--noise", split = ",", defaultValue = "REAL,BABBLE,KEYBOARD", description = "noise kinds (default ${DEFAULT-VALUE})")
    List<NoiseKind> kinds;
    @Option(names = "--examples", defaultValue = "4", description = "examples per SNR and kind (default ${DEFAULT-VALUE})")
    int examples;
    @Option(names = "--seconds", defaultValue = "6", description = "length of each example (default ${DEFAULT-VALUE})")
    double seconds;
    @Option(names = "--lookahead", defaultValue = "2", description = "look-ahead frames (default ${DEFAULT-VALUE})")
    int lookahead;
    @Option(names = "--seed", defaultValue = "1", description = "first example seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        GainModel network = NeuralGainModel.read(weights).forLookahead(lookahead);
        Corpus c = Corpus.open(corpus != null ? corpus : Corpus.defaultRoot());
        System.out.printf(Locale.ROOT, "%s split, %d examples of %.1f s per cell, look-ahead %d, model %s%n", split,
                examples, seconds, lookahead, weights);
        System.out.println("| input SNR | noise | bands with ideal gain < 0.2: ideal / predicted | bands with ideal gain >= 0.9:"
                + " ideal / predicted (dB) |");
        System.out.println("|---:|---|---|---|");
        float[] g = new float[GainPredictor.BANDS];
        float[] s = new float[GainPredictor.BANDS];
        for (double snr : snrs) {
            for (NoiseKind kind : kinds) {
                MixtureSynthesizer synth = new MixtureSynthesizer(c, split,
                        MixtureSettings.evaluation(snr).withSeconds(seconds, seconds).withOnlyNoise(kind));
                double[] sum = new double[4];
                long[] n = new long[2];
                for (int i = 0; i < examples; i++) {
                    Example e = synth.next(new Random(seed + i));
                    TrainingFrames t = TrainingFrames.compute(e.clean(), e.noisy(), lookahead, e.cutoffHz());
                    GainPredictor p = network.newPredictor();
                    for (int f = 0; f < t.frames; f++) {
                        p.predict(t.features[f], g, s);
                        for (int b = 0; b < GainPredictor.BANDS; b++) {
                            float ideal = t.gains[f][b];
                            if (t.mask[f][b] <= 0 || (ideal >= 0.2f && ideal < 0.9f)) {
                                continue;
                            }
                            int k = ideal < 0.2f ? 0 : 1;
                            sum[2 * k] += ideal;
                            sum[2 * k + 1] += g[b];
                            n[k]++;
                        }
                    }
                }
                double speech = sum[3] / Math.max(1, n[1]);
                System.out.printf(Locale.ROOT, "| %.0f dB | %s | %.3f / %.3f | %.3f / %.3f (%.1f dB) |%n", snr, kind.label(),
                        sum[0] / Math.max(1, n[0]), sum[1] / Math.max(1, n[0]), sum[2] / Math.max(1, n[1]), speech,
                        20 * Math.log10(Math.max(speech, 1e-6)));
            }
        }
        return 0;
    }
}
