package org.percepnet4j.trainer.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.percepnet4j.engine.dsp.TrainingFrames;
import org.percepnet4j.trainer.data.Example;
import org.percepnet4j.trainer.data.MixtureSynthesizer;

/**
 * Turns synthesised examples into training sequences with the engine's own feature and oracle code
 * ({@link TrainingFrames}): the look-ahead M is drawn per example from the given choices, and each example is cut
 * into windows of {@code frames} (the first one, and the last one when the example is at least 1.5 windows long),
 * zero-padded and masked when shorter.
 */
public final class SequenceMaker {

    private final MixtureSynthesizer synth;
    private final int frames;
    private final int[] lookaheads;
    private final int pastCombReach;

    /** {@code pastCombReach}: the one-sided comb at M = 0 the network is trained with (0 = none). */
    public SequenceMaker(MixtureSynthesizer synth, int frames, int[] lookaheads, int pastCombReach) {
        if (frames < 1 || lookaheads.length == 0) {
            throw new IllegalArgumentException("need a positive sequence length and at least one look-ahead");
        }
        this.synth = synth;
        this.frames = frames;
        this.lookaheads = lookaheads.clone();
        this.pastCombReach = pastCombReach;
    }

    /** One example's worth of sequences (1 or 2), deterministic given the state of {@code rng}. */
    public List<TrainingSequence> next(Random rng) {
        Example e = synth.next(rng);
        int m = lookaheads[rng.nextInt(lookaheads.length)];
        return cut(TrainingFrames.compute(e.clean(), e.noisy(), m, e.cutoffHz(), pastCombReach), m, e.noiseKind(), e.snrDb());
    }

    /** Sequences for one example at a fixed look-ahead (validation and evaluation). */
    public List<TrainingSequence> next(Random rng, int lookahead) {
        return cut(synth.next(rng), lookahead);
    }

    /** The next example itself, to cut at several look-aheads (the same audio for every M). */
    public Example example(Random rng) {
        return synth.next(rng);
    }

    /** The example's sequences at look-ahead {@code m}. */
    public List<TrainingSequence> cut(Example e, int m) {
        return cut(TrainingFrames.compute(e.clean(), e.noisy(), m, e.cutoffHz(), pastCombReach), m, e.noiseKind(), e.snrDb());
    }

    List<TrainingSequence> cut(TrainingFrames t, int m, String noiseKind, double snrDb) {
        List<TrainingSequence> out = new ArrayList<>(2);
        out.add(window(t, 0, m, noiseKind, snrDb));
        if (t.frames >= frames * 3 / 2) {
            out.add(window(t, t.frames - frames, m, noiseKind, snrDb));
        }
        return out;
    }

    private TrainingSequence window(TrainingFrames t, int start, int m, String noiseKind, double snrDb) {
        int f = NetworkShape.FEATURES;
        int b = NetworkShape.BANDS;
        float[] features = new float[frames * f];
        float[] gains = new float[frames * b];
        float[] strengths = new float[frames * b];
        float[] mask = new float[frames * b];
        int n = Math.min(frames, t.frames - start);
        for (int i = 0; i < n; i++) {
            System.arraycopy(t.features[start + i], 0, features, i * f, f);
            System.arraycopy(t.gains[start + i], 0, gains, i * b, b);
            System.arraycopy(t.strengths[start + i], 0, strengths, i * b, b);
            System.arraycopy(t.mask[start + i], 0, mask, i * b, b);
        }
        if (n < frames && n > 0) {
            // pad with the last real feature frame (masked) rather than zeros, which would look like a wild jump
            for (int i = n; i < frames; i++) {
                System.arraycopy(t.features[start + n - 1], 0, features, i * f, f);
            }
        }
        return new TrainingSequence(features, gains, strengths, mask, m, noiseKind, snrDb);
    }
}
