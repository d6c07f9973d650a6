package org.percepnet4j.trainer.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;
import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.GainPredictor;
import org.percepnet4j.engine.dsp.TrainingFrames;
import org.percepnet4j.engine.nn.GainCalibration;
import org.percepnet4j.trainer.data.Example;
import org.percepnet4j.trainer.data.MixtureSynthesizer;

/**
 * Fits a {@link GainCalibration}: the mean ideal (oracle) gain for each predicted gain, over the counted bands of
 * training mixtures, made non-decreasing (pool-adjacent-violators over {@link #SEGMENTS} bins of the prediction) and
 * read off at the knots ĝ = i / {@link #SEGMENTS}, with (0, 0) and (1, 1) as end points. The mean, not the median,
 * because the mean is what minimises the squared error of the band amplitudes (what SI-SDR and segmental SNR see).
 */
public final class GainCalibrationFit {

    /** Bins of the predicted gain, and segments of the stored map (its knots are SEGMENTS + 1). */
    public static final int SEGMENTS = 20;

    private final double[] predictedSum = new double[SEGMENTS];
    private final double[] idealSum = new double[SEGMENTS];
    private final long[] count = new long[SEGMENTS];

    /** Adds one counted band: what the network predicted and what the oracle says is right. */
    public void add(float predicted, float ideal) {
        if (!Float.isFinite(predicted) || !Float.isFinite(ideal)) {
            return;
        }
        float p = Math.max(0f, Math.min(1f, predicted));
        int bin = Math.min(SEGMENTS - 1, (int) (p * SEGMENTS));
        predictedSum[bin] += p;
        idealSum[bin] += Math.max(0f, Math.min(1f, ideal));
        count[bin]++;
    }

    /** Band values added so far. */
    public long samples() {
        long n = 0;
        for (long c : count) {
            n += c;
        }
        return n;
    }

    /** The SEGMENTS + 1 knots; the identity when nothing was added. */
    public float[] knots() {
        // Pool adjacent violators: each block is {Σ predicted, Σ ideal, n}, merged until the means rise.
        List<double[]> blocks = new ArrayList<>();
        for (int b = 0; b < SEGMENTS; b++) {
            if (count[b] == 0) {
                continue;
            }
            blocks.add(new double[] {predictedSum[b], idealSum[b], count[b]});
            while (blocks.size() > 1) {
                double[] before = blocks.get(blocks.size() - 2);
                double[] last = blocks.get(blocks.size() - 1);
                if (before[1] / before[2] <= last[1] / last[2]) {
                    break;
                }
                for (int i = 0; i < 3; i++) {
                    before[i] += last[i];
                }
                blocks.remove(blocks.size() - 1);
            }
        }
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        for (double[] b : blocks) {
            double x = b[0] / b[2];
            if (x > points.get(points.size() - 1)[0] && x < 1) {
                points.add(new double[] {x, b[1] / b[2]});
            }
        }
        points.add(new double[] {1, 1});
        float[] knots = new float[SEGMENTS + 1];
        int seg = 0;
        for (int i = 0; i <= SEGMENTS; i++) {
            double x = (double) i / SEGMENTS;
            while (seg < points.size() - 2 && x > points.get(seg + 1)[0]) {
                seg++;
            }
            double[] a = points.get(seg);
            double[] c = points.get(seg + 1);
            double t = (x - a[0]) / (c[0] - a[0]);
            double y = a[1] + Math.max(0, Math.min(1, t)) * (c[1] - a[1]);
            knots[i] = (float) Math.max(i > 0 ? knots[i - 1] : 0, Math.min(1, y));
        }
        return knots;
    }

    /** Receives one counted band of one frame: the network's gain and the oracle's. */
    @FunctionalInterface
    public interface BandVisitor {
        void band(float predicted, float ideal);
    }

    /**
     * Runs {@code network} over example {@code e} at look-ahead {@code lookahead}, with the engine's own features and
     * oracle targets ({@link TrainingFrames} with the network's own comb, a fresh predictor state), and hands every
     * counted band (mask on) to {@code visitor}. Shared by the fit and by {@code trainer gain-report}, so both see
     * the same bands.
     */
    public static void visitCountedBands(GainModel network, int lookahead, Example e, BandVisitor visitor) {
        TrainingFrames t = TrainingFrames.compute(e.clean(), e.noisy(), lookahead, e.cutoffHz(),
                network.pastCombReach());
        GainPredictor p = network.newPredictor();
        float[] gains = new float[GainPredictor.BANDS];
        float[] strengths = new float[GainPredictor.BANDS];
        for (int f = 0; f < t.frames; f++) {
            p.predict(t.features[f], gains, strengths);
            for (int b = 0; b < GainPredictor.BANDS; b++) {
                if (t.mask[f][b] > 0) {
                    visitor.band(gains[b], t.gains[f][b]);
                }
            }
        }
    }

    /**
     * Runs {@code network} (without calibration) over {@code examples} mixtures from {@code synth} at look-ahead
     * {@code lookahead} and returns the fit of its counted bands.
     *
     * @param progress called with the number of examples done (may be null)
     */
    public static GainCalibrationFit measure(GainModel network, int lookahead, MixtureSynthesizer synth, int examples,
                                             long seed, IntConsumer progress) {
        GainCalibrationFit fit = new GainCalibrationFit();
        Random rng = new Random(seed);
        for (int i = 0; i < examples; i++) {
            visitCountedBands(network, lookahead, synth.next(rng), fit::add);
            if (progress != null) {
                progress.accept(i + 1);
            }
        }
        return fit;
    }
}
