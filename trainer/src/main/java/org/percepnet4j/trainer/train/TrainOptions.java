package org.percepnet4j.trainer.train;

import java.nio.file.Path;
import org.percepnet4j.engine.Processor;
import org.percepnet4j.engine.dsp.CombFilter;

/**
 * Everything a training run depends on.
 *
 * @param corpus            corpus root
 * @param out               run folder: log, checkpoints, exported model
 * @param minutes           wall-clock budget for the optimisation loop, over all invocations of a resumed run
 * @param maxSteps          stop after this many steps, counted over all invocations (0 = only the time budget)
 * @param batch             sequences per step
 * @param frames            frames per sequence (10 ms each)
 * @param freshPerBatch     new sequences taken from the producer per step; the rest of the batch is drawn from the pool
 * @param pool              sequences kept for reuse
 * @param learningRate      Adam's initial rate
 * @param halfLifeSteps     the rate halves every this many steps (after a warm-up), unless {@code lrHalvings} is set
 * @param lrHalvings        the rate halves this many times over the time budget (0 = by {@code halfLifeSteps})
 * @param averageDecay      decay of the moving average of the weights that is validated and exported (0 = none)
 * @param clipNorm          largest global L2 norm of the gradients before Adam (0 = no global clipping)
 * @param overSuppressionWeight extra weight of the gain loss where the prediction is below the ideal gain (0 = the 2021 loss)
 * @param pastCombReach     samples of past the one-sided pitch comb reaches at M = 0 (0 = none; engine {@code CombFilter})
 * @param shape             layer widths
 * @param seed              seeds data, sampling and initialisation
 * @param lookaheads        M values drawn per training example
 * @param validationPerM    validation sequences per look-ahead value
 * @param evalMinutes       minutes between validation passes
 * @param torchThreads      PyTorch intra-op threads
 * @param resume            continue from the run folder's latest checkpoint
 * @param init              model file whose weights and normaliser a new run starts from (null = random start)
 * @param command           the command line, recorded in the weight file
 * @param name              the model's name (weight-file metadata, shown to users)
 */
public record TrainOptions(Path corpus, Path out, double minutes, long maxSteps, int batch, int frames,
                           int freshPerBatch, int pool, float learningRate, int halfLifeSteps, double lrHalvings, double averageDecay, double clipNorm,
                           float overSuppressionWeight, int pastCombReach,
                           NetworkShape shape,
                           long seed, int[] lookaheads, int validationPerM, double evalMinutes, int torchThreads,
                           boolean resume, Path init, String command, String name) {

    public TrainOptions {
        // Each check names its option: "inconsistent training options" left the user to guess which.
        require(minutes > 0, "--minutes must be above 0: " + minutes);
        require(batch >= 1, "--batch must be at least 1: " + batch);
        require(frames >= 10, "--frames must be at least 10: " + frames);
        require(freshPerBatch >= 1 && freshPerBatch <= batch, "--fresh must be from 1 to --batch (" + batch + "): "
                + freshPerBatch);
        require(pool >= batch, "--pool must be at least --batch (" + batch + "): " + pool);
        require(learningRate > 0, "--lr must be above 0: " + learningRate);
        require(halfLifeSteps >= 1, "--half-life must be at least 1: " + halfLifeSteps);
        require(lrHalvings >= 0, "--lr-halvings must be 0 or more: " + lrHalvings);
        require(averageDecay >= 0 && averageDecay < 1, "--average-decay must be in [0, 1): " + averageDecay);
        require(clipNorm >= 0, "--clip-norm must be 0 or more: " + clipNorm);
        require(overSuppressionWeight >= 0 && Float.isFinite(overSuppressionWeight),
                "--over-suppression-weight must be 0 or more: " + overSuppressionWeight);
        require(pastCombReach >= 0 && pastCombReach <= CombFilter.MAX_PAST_REACH,
                "--past-comb-reach must be from 0 to " + CombFilter.MAX_PAST_REACH + " samples: " + pastCombReach);
        require(lookaheads.length > 0, "--lookaheads needs at least one value");
        for (int m : lookaheads) {
            // The engine runs M = 0..2 (Processor.MAX_LOOKAHEAD_FRAMES): a network trained beyond it could not ship.
            require(m >= 0 && m <= Processor.MAX_LOOKAHEAD_FRAMES, "--lookaheads: each from 0 to "
                    + Processor.MAX_LOOKAHEAD_FRAMES + " frames: " + m);
        }
        require(validationPerM >= 1, "--validation-per-m must be at least 1: " + validationPerM);
        require(evalMinutes > 0, "--eval-minutes must be above 0: " + evalMinutes);
        require(torchThreads >= 1, "--torch-threads must be at least 1: " + torchThreads);
        if (init == null) {
            shape.requireTrainable(); // with --init, the widths come from that file (checked when it is read)
        }
        lookaheads = lookaheads.clone();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
