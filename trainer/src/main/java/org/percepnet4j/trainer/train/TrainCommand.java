package org.percepnet4j.trainer.train;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.percepnet4j.trainer.CorpusOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trainer train}: trains the network from scratch (or resumes) and exports the best weights. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the PercepNet gain model on on-the-fly mixtures of the corpus (DJL + PyTorch CPU).")
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOption corpus;
    @Option(names = "--out", required = true, description = "run folder for log, checkpoints and the exported model")
    Path out;
    @Option(names = "--minutes", defaultValue = "100", description = "wall-clock budget of the optimisation loop, over all invocations of a resumed run (default ${DEFAULT-VALUE})")
    double minutes;
    @Option(names = "--steps", defaultValue = "0", description = "stop after this many steps, counted over all invocations of a resumed run; 0 = time budget only (default ${DEFAULT-VALUE})")
    long steps;
    @Option(names = "--batch", defaultValue = "16", description = "sequences per step (default ${DEFAULT-VALUE})")
    int batch;
    @Option(names = "--frames", defaultValue = "400", description = "10 ms frames per sequence (default ${DEFAULT-VALUE})")
    int frames;
    @Option(names = "--fresh", defaultValue = "4", description = "new sequences per step, rest from the reuse pool (default ${DEFAULT-VALUE})")
    int fresh;
    @Option(names = "--pool", defaultValue = "1500", description = "sequences kept for reuse (default ${DEFAULT-VALUE})")
    int pool;
    @Option(names = "--lr", defaultValue = "0.001", description = "initial Adam learning rate (default ${DEFAULT-VALUE})")
    float lr;
    @Option(names = "--half-life", defaultValue = "2500", description = "steps over which the learning rate halves (default ${DEFAULT-VALUE})")
    int halfLife;
    @Option(names = "--lr-halvings", defaultValue = "0",
            description = "halve the learning rate this many times over the --minutes budget instead of every --half-life"
                    + " steps, so the run anneals alike on fast and slow machines; 0 = off (default ${DEFAULT-VALUE})")
    double lrHalvings;
    @Option(names = "--average-decay", defaultValue = "0.999",
            description = "decay of the weight average that is validated and exported; 0 = export the live weights (default ${DEFAULT-VALUE})")
    double averageDecay;
    @Option(names = "--clip-norm", defaultValue = "0",
            description = "scale the gradients down to this global L2 norm before Adam; 0 = off, only Adam's"
                    + " element-wise clipping to [-1, 1] (default ${DEFAULT-VALUE})")
    double clipNorm;
    @Option(names = "--over-suppression-weight", defaultValue = "0",
            description = "extra weight of a band's gain loss where the prediction is below the ideal gain, so closing"
                    + " speech costs 1 + this times as much; 0 = the 2021 loss (default ${DEFAULT-VALUE})")
    float overSuppressionWeight;
    @Option(names = "--past-comb-reach", defaultValue = "0", description = "at 0 ms look-ahead, give the network a"
            + " one-sided pitch comb reaching this many samples back (up to 5 periods; 0 = none, as the symmetric comb"
            + " has no future period there); stored in the weight file (default ${DEFAULT-VALUE})")
    int pastCombReach;
    @Option(names = "--dense", defaultValue = "64", description = "dense_in width (default ${DEFAULT-VALUE})")
    int dense;
    @Option(names = "--conv", defaultValue = "96,96", split = ",", description = "conv1,conv2 widths, at least 16 each (default ${DEFAULT-VALUE})")
    int[] conv;
    @Option(names = "--gru", defaultValue = "96,96", split = ",", description = "widths of the stacked GRUs (default ${DEFAULT-VALUE})")
    int[] gru;
    @Option(names = "--gain-gru", defaultValue = "64", description = "GRU_g width (default ${DEFAULT-VALUE})")
    int gainGru;
    @Option(names = "--strength-gru", defaultValue = "32", description = "GRU_r width (default ${DEFAULT-VALUE})")
    int strengthGru;
    @Option(names = "--lookaheads", defaultValue = "2", split = ",", description = "look-aheads M drawn per example (default ${DEFAULT-VALUE})")
    int[] lookaheads;
    @Option(names = "--validation-per-m", defaultValue = "24", description = "validation sequences per look-ahead (default ${DEFAULT-VALUE})")
    int validationPerM;
    @Option(names = "--eval-minutes", defaultValue = "5", description = "minutes between validation passes and checkpoints (default ${DEFAULT-VALUE})")
    double evalMinutes;
    @Option(names = "--torch-threads", defaultValue = "1", description = "PyTorch intra-op threads (default ${DEFAULT-VALUE})")
    int torchThreads;
    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--name", defaultValue = "percepnet4j-small-v2", description = "model name in the weight file (default ${DEFAULT-VALUE})")
    String name;
    @Option(names = "--resume", description = "continue from the run folder's latest checkpoint")
    boolean resume;
    @Option(names = "--init", description = "start from this model's weights and feature normaliser instead of a random"
            + " initialisation (fine-tuning, e.g. for another look-ahead); its widths replace the width options")
    Path init;

    @Override
    public Integer call() throws Exception {
        if (conv.length != 2) {
            throw new IllegalArgumentException("--conv takes two widths, e.g. 128,128");
        }
        NetworkShape shape = new NetworkShape(dense, conv[0], 5, conv[1], 3, gru, gainGru, strengthGru);
        String command = "trainer " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        TrainOptions options = new TrainOptions(corpus.root(), out, minutes, steps,
                batch, frames, fresh, pool, lr, halfLife, lrHalvings, averageDecay, clipNorm, overSuppressionWeight, pastCombReach, shape, seed, Arrays.stream(lookaheads).distinct().toArray(),
                validationPerM, evalMinutes, torchThreads, resume, init, command, name);
        new TrainingRun(options).run();
        return 0;
    }
}
