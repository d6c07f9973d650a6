package org.percepnet4j.trainer;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.nn.NeuralGainModel;
import org.percepnet4j.trainer.data.Corpus;
import org.percepnet4j.trainer.data.Example;
import org.percepnet4j.trainer.data.MixtureSettings.NoiseKind;
import org.percepnet4j.trainer.data.MixtureSynthesizer;
import org.percepnet4j.trainer.train.GainCalibrationFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trainer gain-report}: what a model's band gains are against the oracle's, on the same mixtures as
 * {@code trainer eval} ({@link EvalMixtures}: the same options and defaults). For each SNR and noise kind it prints
 * the mean predicted gain of the counted bands whose ideal gain is below 0.2 (noise dominates) and at least 0.9
 * (speech dominates), after the model file's gain calibration if it has one. A network that separates well puts the first near 0 and
 * the second near 1; a gap below 1 in the second is speech made quieter.
 */
@Command(name = "gain-report", mixinStandardHelpOptions = true,
        description = "Mean predicted band gain where the oracle gain is < 0.2 and >= 0.9, per SNR and noise kind.")
final class GainReportCommand implements Callable<Integer> {
    @Option(names = "--weights", required = true, description = "model weight file")
    Path weights;
    @picocli.CommandLine.Mixin
    EvalMixtures mixtures = new EvalMixtures();

    @Override
    public Integer call() throws Exception {
        int lookahead = mixtures.lookahead;
        GainModel network = NeuralGainModel.read(weights).forLookahead(lookahead);
        Corpus c = mixtures.corpus.open();
        System.out.printf(Locale.ROOT, "%s split, %d examples of %.1f s per cell%s, look-ahead %d, model %s%n",
                mixtures.split, mixtures.examples, mixtures.seconds, mixtures.reverb ? ", reverberant" : "", lookahead,
                weights);
        System.out.println("| input SNR | noise | bands with ideal gain < 0.2: ideal / predicted | bands with ideal gain >= 0.9:"
                + " ideal / predicted (dB) |");
        System.out.println("|---:|---|---|---|");
        for (double snr : mixtures.snrs) {
            for (NoiseKind kind : mixtures.kinds) {
                MixtureSynthesizer synth = mixtures.cell(c, snr, kind);
                // {Σ ideal, Σ predicted} of the noise bands, then of the speech bands; their counts
                double[] sum = new double[4];
                long[] n = new long[2];
                for (int i = 0; i < mixtures.examples; i++) {
                    Example e = synth.next(new Random(mixtures.seed + i));
                    GainCalibrationFit.visitCountedBands(network, lookahead, e, (predicted, ideal) -> {
                        if (ideal < 0.2f || ideal >= 0.9f) {
                            int k = ideal < 0.2f ? 0 : 1;
                            sum[2 * k] += ideal;
                            sum[2 * k + 1] += predicted;
                            n[k]++;
                        }
                    });
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
