package org.percepnet4j.trainer.train;

import java.nio.file.Path;

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
                           NetworkShape shape,
                           long seed, int[] lookaheads, int validationPerM, double evalMinutes, int torchThreads,
                           boolean resume, Path init, String command, String name) {

    public TrainOptions {
        if (batch < 1 || frames < 10 || freshPerBatch < 1 || freshPerBatch > batch || pool < batch
                || !(learningRate > 0) || halfLifeSteps < 1 || !(lrHalvings >= 0) || !(averageDecay >= 0 && averageDecay < 1) || !(clipNorm >= 0) || lookaheads.length == 0 || validationPerM < 1
                || !(minutes > 0) || torchThreads < 1) {
            throw new IllegalArgumentException("inconsistent training options");
        }
        if (init == null) {
            shape.requireTrainable(); // with --init, the widths come from that file (checked when it is read)
        }
        lookaheads = lookaheads.clone();
    }
}
