package org.percepnet4j.trainer.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.percepnet4j.engine.nn.GainCalibration;
import org.percepnet4j.engine.nn.NeuralGainModel;
import org.percepnet4j.engine.nn.Tensor;
import org.percepnet4j.engine.nn.WeightFile;
import org.percepnet4j.engine.nn.WeightFileWriter;
import org.percepnet4j.trainer.CorpusOption;
import org.percepnet4j.trainer.data.Corpus;
import org.percepnet4j.trainer.data.MixtureSettings;
import org.percepnet4j.trainer.data.MixtureSynthesizer;
import org.percepnet4j.trainer.data.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code trainer calibrate}: fits the gain calibration of a model file on TRAIN mixtures of the training recipe
 * ({@link GainCalibrationFit}) and writes the file again with it. The network's weights are not touched; a
 * calibration already in the input is replaced (the fit always measures the network's own gains).
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Store in a model file the mean ideal gain for each gain its network predicts (fitted on TRAIN mixtures).")
public final class CalibrateCommand implements Callable<Integer> {

    /** Default mixtures per fit: about 10 minutes of audio, 1.7 M band values; about a minute of work. */
    public static final int DEFAULT_EXAMPLES = 100;
    /** Default seed of the fit's mixtures. */
    public static final long DEFAULT_SEED = 7;

    @Option(names = "--weights", required = true, description = "model file to calibrate")
    Path weights;
    @Option(names = "--out", required = true, description = "calibrated model file to write (may be --weights)")
    Path out;
    @Option(names = "--lookahead", required = true, description = "look-ahead frames the network runs at")
    int lookahead;
    @Option(names = "--examples", defaultValue = "" + DEFAULT_EXAMPLES, description = "TRAIN mixtures (default ${DEFAULT-VALUE})")
    int examples;
    @Option(names = "--seed", defaultValue = "" + DEFAULT_SEED, description = "seed of the mixtures (default ${DEFAULT-VALUE})")
    long seed;
    @Mixin
    CorpusOption corpus;

    @Override
    public Integer call() throws Exception {
        if (examples < 1 || lookahead < 0) {
            throw new IllegalArgumentException("--examples must be positive and --lookahead not negative");
        }
        Corpus c = corpus.open();
        calibrate(weights, out, lookahead, c, examples, seed);
        return 0;
    }

    /** Fits and writes; returns the knots. Also used by {@code default-model} for each of its networks. */
    public static float[] calibrate(Path in, Path out, int lookahead, Corpus corpus, int examples, long seed)
            throws java.io.IOException {
        // The file without any calibration it already has: the fit measures the network's own gains, and the output
        // is this plus the new calibration.
        WeightFile file = WeightFile.read(in);
        WeightFileWriter w = new WeightFileWriter().metadata(file.metadata());
        for (Tensor t : file.tensors().values()) {
            if (!t.name().equals(GainCalibration.TENSOR)) {
                w.tensor(t.name(), t.data(), t.shape());
            }
        }
        NeuralGainModel network = NeuralGainModel.of(WeightFile.parse(w.toBytes()));
        MixtureSynthesizer synth = new MixtureSynthesizer(corpus, Split.TRAIN, MixtureSettings.training());
        long t0 = System.nanoTime();
        GainCalibrationFit fit = GainCalibrationFit.measure(network, lookahead, synth, examples, seed,
                done -> System.err.printf(Locale.ROOT, "\rcalibrating %s: %d/%d mixtures", in.getFileName(), done, examples));
        System.err.println();
        float[] knots = fit.knots();
        w.metadata("gain_calibration", String.format(Locale.ROOT,
                "mean ideal gain per predicted gain: TRAIN split, training recipe, %d mixtures (seed %d), look-ahead %d,"
                        + " %d band values", examples, seed, lookahead, fit.samples()));
        w.tensor(GainCalibration.TENSOR, knots, knots.length);
        // Through a temporary file, so an interrupted write never leaves a broken model where --out pointed.
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".calibrate", ".tmp");
        try {
            w.write(tmp);
            NeuralGainModel.read(tmp); // validates the whole file, calibration included, before it replaces --out
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < knots.length; i += 4) {
            s.append(String.format(Locale.ROOT, " %.2f->%.3f", (double) i / GainCalibrationFit.SEGMENTS, knots[i]));
        }
        System.out.printf(Locale.ROOT, "calibrated %s -> %s (%.0f s):%s%n", in, out, (System.nanoTime() - t0) / 1e9, s);
        return knots;
    }
}
