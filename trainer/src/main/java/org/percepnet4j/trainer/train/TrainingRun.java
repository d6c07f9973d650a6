package org.percepnet4j.trainer.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.percepnet4j.engine.io.OutputFolders;
import org.percepnet4j.engine.nn.NeuralGainModel;
import org.percepnet4j.engine.nn.WeightFile;
import org.percepnet4j.trainer.data.Corpus;
import org.percepnet4j.trainer.data.CorpusFile;
import org.percepnet4j.trainer.data.MixtureSettings;
import org.percepnet4j.trainer.data.MixtureSynthesizer;
import org.percepnet4j.trainer.data.Split;

/**
 * One training run: a producer thread synthesises examples and computes features and oracle targets with the
 * engine's code; the optimisation loop takes {@code freshPerBatch} new sequences per step (blocking, so the data a
 * run sees depends only on the seed, whatever the machine's speed; PyTorch's arithmetic is not bit-reproducible, and
 * two runs of the same command drift apart: 1 % in validation loss after 150 steps, more later, as measured), fills
 * the rest of the batch from a pool of recent
 * sequences, and steps Adam on the perceptual loss. A moving average of the weights ({@link WeightAverage}) follows
 * the optimiser. Validation on the VALIDATION split runs every few minutes for both the live and the averaged
 * weights; the averaged weights with the best validation loss are exported at the end.
 *
 * <p>Files in the run folder: {@code train.log}, {@code checkpoint-latest.safetensors} (live weights, for resuming),
 * {@code checkpoint-averaged.safetensors} (the latest average), {@code checkpoint-best.safetensors} (the best
 * average), and at the end {@code model.safetensors} + {@code golden.safetensors}.
 */
public final class TrainingRun {

    public static final String LATEST = "checkpoint-latest.safetensors";
    public static final String BEST = "checkpoint-best.safetensors";
    public static final String AVERAGED = "checkpoint-averaged.safetensors";
    public static final String MODEL = "model.safetensors";
    public static final String GOLDEN = "golden.safetensors";
    private static final int NORMALISER_SEQUENCES = 48;
    private static final int GOLDEN_FRAMES = 50;
    /** Gradient norms above this are logged with the parameters they come from (typical norms are 20–30). */
    private static final double SPIKE_NORM = 1000;
    /** Batches with gradient spikes or non-finite gradients saved per run for diagnosis (≈ 5 MB each with the weights). */
    private static final int MAX_DUMPS = 3;

    private final TrainOptions o;
    private final PrintStream log;
    private final LearningRateSchedule schedule;
    /** Share of the time budget used, read by the learning-rate tracker (same thread: set before each step). */
    private double budgetFraction;

    public TrainingRun(TrainOptions options) throws IOException {
        this.o = options;
        this.schedule = new LearningRateSchedule(o.learningRate(), o.halfLifeSteps(), o.lrHalvings());
        OutputFolders.create(o.out(), "run folder");
        PrintStream file = new PrintStream(Files.newOutputStream(o.out().resolve("train.log"),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true, StandardCharsets.UTF_8);
        this.log = new PrintStream(new TeeStream(System.out, file), true, StandardCharsets.UTF_8);
    }

    private void log(String format, Object... args) {
        log.printf(Locale.ROOT, "%s  " + format + "%n", prepend(Instant.now().toString().substring(11, 19), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** Runs to the step or time budget and exports the best weights; returns the path of the exported model. */
    public Path run() throws Exception {
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(o.torchThreads()));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        log("train: %s", o.command());
        log("engine %s %s, torch threads %d", Engine.getInstance().getEngineName(), Engine.getInstance().getVersion(),
                o.torchThreads());
        Corpus corpus = Corpus.open(o.corpus());
        String dataHash = dataHash(corpus);
        MixtureSettings recipe = MixtureSettings.training();
        SequenceMaker trainMaker = new SequenceMaker(
                new MixtureSynthesizer(corpus, Split.TRAIN, recipe), o.frames(), o.lookaheads(), o.pastCombReach());
        SequenceMaker validationMaker = new SequenceMaker(
                new MixtureSynthesizer(corpus, Split.VALIDATION, recipe), o.frames(), o.lookaheads(), o.pastCombReach());

        Path latest = o.out().resolve(LATEST);
        WeightFile resumeFrom = o.resume() && Files.exists(latest) ? WeightFile.read(latest) : null;
        // A resumed run has the --init weights in its checkpoint already; they are read only at the start.
        WeightFile initFrom = resumeFrom == null && o.init() != null ? WeightFile.read(o.init()) : null;
        WeightFile startFrom = resumeFrom != null ? resumeFrom : initFrom;
        // The option widths were checked in TrainOptions; widths from a file are checked here.
        NetworkShape shape = startFrom != null ? NetworkShape.fromMetadata(startFrom.metadata()).requireTrainable() : o.shape();
        long startStep = resumeFrom != null ? Long.parseLong(resumeFrom.metadata().getOrDefault("step", "0")) : 0;
        double bestValidation = resumeFrom != null
                ? Double.parseDouble(resumeFrom.metadata().getOrDefault("best_validation_loss", "Infinity")) : Double.POSITIVE_INFINITY;
        double previousMinutes = resumeFrom != null
                ? Double.parseDouble(resumeFrom.metadata().getOrDefault("training_minutes", "0")) : 0;
        long previousFresh = resumeFrom != null
                ? Long.parseLong(resumeFrom.metadata().getOrDefault("fresh_sequences", "0")) : 0;
        log("network: %s (%d parameters)%s", shape, shape.parameterCount(),
                resumeFrom != null ? ", resuming from step " + startStep
                        : initFrom != null ? ", starting from " + o.init() + " (" + initFrom.metadata().get("name") + ")" : "");

        // Validation set: fixed, the same for every run with this corpus and split list.
        // The same examples at every look-ahead, so the per-M losses compare like with like.
        Random validationRng = new Random(12345);
        Map<Integer, List<TrainingSequence>> validation = new LinkedHashMap<>();
        for (int m : o.lookaheads()) {
            validation.put(m, new ArrayList<>());
        }
        for (int i = 0; i < o.validationPerM(); i++) {
            org.percepnet4j.trainer.data.Example e = validationMaker.example(validationRng);
            for (int m : o.lookaheads()) {
                validation.get(m).add(validationMaker.cut(e, m).get(0));
            }
        }
        log("validation: %d sequences of %d frames per look-ahead %s", o.validationPerM(), o.frames(),
                java.util.Arrays.toString(o.lookaheads()));

        Random dataRng = new Random(o.seed() + startStep * 7919);
        BlockingQueue<TrainingSequence> queue = new ArrayBlockingQueue<>(Math.max(8, 4 * o.freshPerBatch()));
        List<TrainingSequence> first = new ArrayList<>();
        FeatureNormalizer norm;
        if (startFrom != null) {
            // Fine-tuning keeps the normaliser the weights were trained with.
            norm = new FeatureNormalizer(startFrom.tensor("feature_mean", NetworkShape.FEATURES).data(),
                    startFrom.tensor("feature_scale", NetworkShape.FEATURES).data());
        } else {
            List<float[][]> frames = new ArrayList<>();
            while (first.size() < NORMALISER_SEQUENCES) {
                for (TrainingSequence s : trainMaker.next(dataRng)) {
                    first.add(s);
                    frames.add(rows(s));
                }
            }
            norm = FeatureNormalizer.fit(frames);
            log("feature normaliser fitted on %d sequences", first.size());
        }

        Producer producer = new Producer(trainMaker, dataRng, queue);
        Thread producerThread = new Thread(producer, "training-data");
        producerThread.setDaemon(true);
        producerThread.start();

        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("name", o.name());
        meta.put("training_command", o.command());
        meta.put("data_hash", dataHash);
        meta.put("lookahead_policy", "one model for all look-aheads: M drawn per training example from "
                + java.util.Arrays.toString(o.lookaheads()));
        if (o.init() != null) {
            Map<String, String> initMeta = initFrom != null ? initFrom.metadata() : Map.of();
            meta.put("initialised_from", o.init().getFileName() + (initFrom != null
                    ? " (" + initMeta.getOrDefault("name", "?") + ", step " + initMeta.getOrDefault("step", "?")
                    + ", trained by: " + initMeta.getOrDefault("training_command", "?") + ")" : ""));
        }
        meta.put("features", "engine FeatureExtractor/TrainingFrames (log10(E+1e-8)/4+1 energies at l+M, coherence at l,"
                + " (T-414)/354, correlation)");
        if (o.pastCombReach() > 0) {
            // the engine reads it back and analyses with the same comb (GainModel.pastCombReach)
            meta.put(NeuralGainModel.PAST_COMB_REACH_KEY, Integer.toString(o.pastCombReach()));
        }
        meta.put("loss", "perceptual 2021: gamma 0.3, lambda4 10, eps " + PerceptualLoss.EPSILON + "; strength sqrt(1-r)"
                + (o.overSuppressionWeight() > 0 ? "; gain term x" + (1 + o.overSuppressionWeight())
                        + " where the prediction is below the ideal gain" : ""));
        meta.put("sequence_frames", Integer.toString(o.frames()));
        meta.put("batch", Integer.toString(o.batch()));
        meta.put("seed", Long.toString(o.seed()));
        meta.put("learning_rate", o.lrHalvings() > 0
                ? String.format(Locale.ROOT, "%s, halving %s times over the %s-minute budget", o.learningRate(),
                        o.lrHalvings(), o.minutes())
                : String.format(Locale.ROOT, "%s, halving every %d steps", o.learningRate(), o.halfLifeSteps()));
        meta.put("speed_perturbation", Double.toString(recipe.speedPerturbation()));
        meta.put("gradient_clipping", o.clipNorm() > 0
                ? "global L2 norm at most " + o.clipNorm() + ", then each element to [-1, 1]" : "each element to [-1, 1]");
        meta.put("weight_averaging", o.averageDecay() > 0
                ? String.format(Locale.ROOT, "exponential moving average, decay %s; exported weights are the average",
                        o.averageDecay())
                : "none");

        PercepNetBlock block = new PercepNetBlock(shape);
        Tracker lr = step -> (float) schedule.rate(step + startStep, budgetFraction);
        DefaultTrainingConfig config = new DefaultTrainingConfig(new PerceptualLoss(o.overSuppressionWeight()))
                .optOptimizer(Optimizer.adam().optLearningRateTracker(lr).optClipGrad(1f).build());
        Engine.getInstance().setRandomSeed((int) o.seed());
        try (Model model = Model.newInstance("percepnet4j")) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(o.batch(), o.frames(), NetworkShape.FEATURES));
                if (startFrom != null) {
                    ModelExporter.loadInto(block, startFrom);
                }
                // The average lives in a second network of the same shape, so the live one is never written to.
                PercepNetBlock averaged = new PercepNetBlock(shape);
                averaged.initialize(trainer.getManager(), ai.djl.ndarray.types.DataType.FLOAT32,
                        new Shape(o.batch(), o.frames(), NetworkShape.FEATURES));
                Path averagedCheckpoint = o.out().resolve(AVERAGED);
                WeightAverage average = new WeightAverage(block.exportTensors(), averaged.exportTensors(),
                        o.averageDecay(), startStep);
                if (resumeFrom != null && Files.exists(averagedCheckpoint)) {
                    ModelExporter.loadInto(averaged, WeightFile.read(averagedCheckpoint));
                } else {
                    average.startAtLiveWeights();
                }
                return loop(trainer, block, averaged, average, norm, first, queue, producer, validation, meta,
                        startStep, bestValidation, previousMinutes, previousFresh);
            }
        } finally {
            producer.stop();
            producerThread.interrupt();
        }
    }

    private Path loop(Trainer trainer, PercepNetBlock block, PercepNetBlock averaged, WeightAverage average,
                      FeatureNormalizer norm,
                      List<TrainingSequence> initialPool,
                      BlockingQueue<TrainingSequence> queue,
                      Producer producer, Map<Integer, List<TrainingSequence>> validation, Map<String, String> meta,
                      long startStep, double bestValidation, double previousMinutes, long previousFresh) throws Exception {
        Random sampler = new Random(o.seed() * 31 + 7 + startStep);
        TrainingSequence[] pool = new TrainingSequence[o.pool()];
        int poolSize = 0;
        int poolNext = 0;
        for (TrainingSequence s : initialPool) {
            pool[poolNext] = s;
            poolNext = (poolNext + 1) % pool.length;
            poolSize = Math.min(pool.length, poolSize + 1);
        }
        long t0 = System.nanoTime();
        long lastLog = t0;
        long lastEval = t0;
        long waitNs = 0;
        long freshTaken = 0;
        double lossSum = 0;
        int lossCount = 0;
        // Per progress line: the largest batch loss and the gradients' global L2 norm (mean, max), so that the log
        // shows how a run that goes unstable gets there.
        double lossMax = 0;
        double gradNormSum = 0;
        double gradNormMax = 0;
        int skipped = 0;
        int dumps = 0;
        long step = startStep;
        double best = bestValidation;
        TrainingSequence[] batch = new TrainingSequence[o.batch()];
        NDManager root = trainer.getManager();
        while (true) {
            long now = System.nanoTime();
            // Minutes and steps of the whole run: a resumed invocation spends only what the earlier ones left.
            double minutes = previousMinutes + (now - t0) / 60e9;
            budgetFraction = minutes / o.minutes();
            boolean outOfTime = minutes >= o.minutes();
            boolean outOfSteps = o.maxSteps() > 0 && step >= o.maxSteps();
            if (outOfTime || outOfSteps || now - lastEval >= o.evalMinutes() * 60e9) {
                double live = validate("live weights", block, root, norm, validation, minutes, step);
                double v = validate("averaged", averaged, root, norm, validation, minutes, step);
                lastEval = System.nanoTime();
                meta.put("step", Long.toString(step));
                meta.put("training_minutes", String.format(Locale.ROOT, "%.1f", minutes));
                meta.put("fresh_sequences", Long.toString(previousFresh + freshTaken));
                meta.put("trained_sequence_passes", Long.toString(step * o.batch()));
                meta.put("validation_loss", String.format(Locale.ROOT, "%.5f", v));
                if (v < best) {
                    best = v;
                    meta.put("best_validation_loss", String.format(Locale.ROOT, "%.5f", best));
                    ModelExporter.toWeightFile(averaged, norm, meta).write(o.out().resolve(BEST));
                    log("  new best, saved %s", BEST);
                }
                meta.put("best_validation_loss", String.format(Locale.ROOT, "%.5f", best));
                ModelExporter.toWeightFile(averaged, norm, meta).write(o.out().resolve(AVERAGED));
                // Written after the best is settled: a resumed run reads its best_validation_loss.
                meta.put("validation_loss", String.format(Locale.ROOT, "%.5f", live));
                ModelExporter.toWeightFile(block, norm, meta).write(o.out().resolve(LATEST));
                if (producer.failure != null) {
                    throw new IllegalStateException("training data producer failed", producer.failure);
                }
                if (outOfTime || outOfSteps) {
                    break;
                }
            }
            long w0 = System.nanoTime();
            for (int i = 0; i < o.freshPerBatch(); i++) {
                TrainingSequence s = null;
                while (s == null) {
                    s = queue.poll(5, TimeUnit.SECONDS);
                    if (s == null && producer.failure != null) {
                        throw new IllegalStateException("training data producer failed", producer.failure);
                    }
                }
                batch[i] = s;
                pool[poolNext] = s;
                poolNext = (poolNext + 1) % pool.length;
                poolSize = Math.min(pool.length, poolSize + 1);
                freshTaken++;
            }
            waitNs += System.nanoTime() - w0;
            for (int i = o.freshPerBatch(); i < o.batch(); i++) {
                batch[i] = pool[sampler.nextInt(poolSize)];
            }
            try (NDManager m = root.newSubManager()) {
                NDList data = new NDList(owned(m.create(features(batch, norm), new Shape(o.batch(), o.frames(), NetworkShape.FEATURES))));
                NDList labels = labels(m, batch);
                boolean stepped = false;
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    // No gc.zeroGradients(): every path leaves the gradients zero already (Adam's update resets
                    // them natively in place, a dropped batch clears them), and DJL's zeroing opens two handles on
                    // every gradient each step and never closes them: memory grew by about 2 MB per step.
                    NDList pred = trainer.forward(data, labels);
                    NDArray loss = trainer.getLoss().evaluate(labels, pred);
                    float l = loss.getFloat();
                    if (Float.isFinite(l)) {
                        gc.backward(loss);
                        List<String> badGradients = nonFiniteGradients(block);
                        if (badGradients.isEmpty()) {
                            lossSum += l;
                            lossCount++;
                            lossMax = Math.max(lossMax, l);
                            Map<String, Double> squaredNorms = squaredGradientNorms(block);
                            double gradNorm = Math.sqrt(squaredNorms.values().stream().mapToDouble(Double::doubleValue).sum());
                            gradNormSum += gradNorm;
                            gradNormMax = Math.max(gradNormMax, gradNorm);
                            if (gradNorm > SPIKE_NORM) {
                                dumps++;
                                log("step %d: gradient norm %.3g (loss %.3f), largest in %s%s", step, gradNorm, l,
                                        largest(squaredNorms, 3),
                                        dumps <= MAX_DUMPS ? dumpBatch(block, norm, meta, batch, step) : "");
                            }
                            if (o.clipNorm() > 0 && gradNorm > o.clipNorm()) {
                                scaleGradients(block, (float) (o.clipNorm() / gradNorm));
                            }
                            stepped = true;
                        } else {
                            // A finite loss can still back-propagate a NaN (e.g. 0·∞ in a masked band); one such
                            // Adam step would turn every weight into NaN, so the batch is dropped instead.
                            skipped++;
                            dumps++;
                            log("step %d: non-finite gradient in %s, batch skipped%s", step, badGradients,
                                    dumps <= MAX_DUMPS ? dumpBatch(block, norm, meta, batch, step) : "");
                            clearGradients(block);
                            if (skipped > 50) {
                                throw new IllegalStateException("training diverged at step " + step
                                        + " (non-finite gradients in " + skipped + " batches); resume from " + LATEST
                                        + " with a lower --lr");
                            }
                        }
                    } else {
                        long badPredictions = nonFinite(pred.get(0)) + nonFinite(pred.get(1));
                        String detail = "non-finite: inputs " + nonFinite(data.head()) + ", predictions " + badPredictions
                                + ", labels " + nonFinite(labels.get(0)) + "/" + nonFinite(labels.get(1)) + "/"
                                + nonFinite(labels.get(2));
                        skipped++;
                        log("step %d: loss %s, batch skipped (%s)", step, l, detail);
                        if (badPredictions > 0 && nonFinite(data.head()) == 0 || skipped > 50) {
                            throw new IllegalStateException("training diverged at step " + step + " (" + detail
                                    + "); resume from " + LATEST + " with a lower --lr");
                        }
                    }
                }
                if (stepped) {
                    trainer.step();
                    average.update();
                }
            }
            step++;
            now = System.nanoTime();
            if (now - lastLog >= 30e9) {
                double sec = (now - t0) / 1e9;
                // Rates are this invocation's; the minutes are the whole run's, as the budget counts them.
                log("step %6d  loss %.4f (max %.1f)  gradient norm %.2f (max %.2f)  lr %.2e  %5.0f frames/s trained"
                                + "  %4.0f fresh frames/s  waiting for data %2.0f%%  %.1f of %.0f min",
                        step, lossSum / lossCount, lossMax, gradNormSum / Math.max(1, lossCount), gradNormMax, lrAt(step),
                        (step - startStep) * (double) o.batch() * o.frames() / sec,
                        freshTaken * (double) o.frames() / sec, 100.0 * waitNs / (now - t0),
                        previousMinutes + sec / 60, o.minutes());
                lossSum = 0;
                lossCount = 0;
                lossMax = 0;
                gradNormSum = 0;
                gradNormMax = 0;
                lastLog = now;
            }
        }
        log("done: %d steps, %d fresh sequences (%.2f h of audio), each used %.1f times on average",
                step, previousFresh + freshTaken, (previousFresh + freshTaken) * o.frames() / 360000.0,
                step * (double) o.batch() / Math.max(1, previousFresh + freshTaken));
        return export(block, root, norm, validation);
    }

    /**
     * A new handle on the parameter's gradient (the same memory: writes reach the gradient). DJL registers every
     * handle, and whatever is computed from it, with the parameter's manager, which lives as long as the run, so the
     * per-step diagnostics close them, and what they derive from them, every step.
     */
    private static NDArray gradient(ai.djl.nn.Parameter p) {
        return p.getArray().getGradient();
    }

    /**
     * Saves the weights that produced a batch with a gradient spike or non-finite gradients, and the batch itself (raw features, targets
     * and mask, [batch × frames, ·]), so the event can be replayed outside the run: which operation makes a finite
     * loss back-propagate NaN is not known yet (model history, "Gradient spikes").
     */
    private String dumpBatch(PercepNetBlock block, FeatureNormalizer norm, Map<String, String> meta,
                             TrainingSequence[] batch, long step) {
        String stem = "spike-step-" + step;
        try {
            Map<String, String> m = new LinkedHashMap<>(meta);
            m.put("step", Long.toString(step));
            ModelExporter.toWeightFile(block, norm, m).write(o.out().resolve(stem + "-weights.safetensors"));
            int rows = batch.length * batch[0].frames();
            new org.percepnet4j.engine.nn.WeightFileWriter()
                    .metadata(Map.of("step", Long.toString(step), "sequences", Integer.toString(batch.length),
                            "frames", Integer.toString(batch[0].frames()),
                            ReplayCommand.OVER_SUPPRESSION_WEIGHT, Float.toString(o.overSuppressionWeight())))
                    .tensor("features", concat(batch, TrainingSequence::features), rows, NetworkShape.FEATURES)
                    .tensor("gains", concat(batch, TrainingSequence::gains), rows, NetworkShape.BANDS)
                    .tensor("strengths", concat(batch, TrainingSequence::strengths), rows, NetworkShape.BANDS)
                    .tensor("mask", concat(batch, TrainingSequence::mask), rows, NetworkShape.BANDS)
                    .write(o.out().resolve(stem + "-batch.safetensors"));
            return " (saved as " + stem + "-*.safetensors)";
        } catch (IOException | RuntimeException e) {
            return " (could not save it: " + e.getMessage() + ")";
        }
    }

    /** Names of the parameters whose gradient holds a NaN or an infinity (empty when all are finite). */
    private static List<String> nonFiniteGradients(PercepNetBlock block) {
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, ai.djl.nn.Parameter> p : block.exportTensors().entrySet()) {
            try (NDArray g = gradient(p.getValue()); NDArray nan = g.isNaN(); NDArray anyNan = nan.any();
                 NDArray inf = g.isInfinite(); NDArray anyInf = inf.any()) {
                if (anyNan.getBoolean() || anyInf.getBoolean()) {
                    bad.add(p.getKey());
                }
            }
        }
        return bad;
    }

    /**
     * Squared L2 norm of each parameter's gradient (before Adam's per-element clipping); their sum is the global
     * norm's square, and a spike's diagnosis names the largest.
     */
    private static Map<String, Double> squaredGradientNorms(PercepNetBlock block) {
        Map<String, Double> squares = new LinkedHashMap<>();
        for (Map.Entry<String, ai.djl.nn.Parameter> p : block.exportTensors().entrySet()) {
            try (NDArray g = gradient(p.getValue()); NDArray sq = g.square(); NDArray total = sq.sum()) {
                squares.put(p.getKey(), (double) total.getFloat());
            }
        }
        return squares;
    }

    /** The {@code n} parameters with the largest gradient norms, as "name=norm". */
    private static String largest(Map<String, Double> squaredNorms, int n) {
        return squaredNorms.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(n)
                .map(e -> String.format(Locale.ROOT, "%s=%.3g", e.getKey(), Math.sqrt(e.getValue())))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Multiplies every gradient by {@code factor} (global-norm clipping). */
    private static void scaleGradients(PercepNetBlock block, float factor) {
        for (ai.djl.nn.Parameter p : block.exportTensors().values()) {
            try (NDArray g = gradient(p)) {
                g.muli(factor);
            }
        }
    }

    /**
     * Zeroes every gradient in PyTorch, as DJL's Adam does after each update. Needed after a NaN gradient, when no
     * update follows. (Subtracting the gradient from itself would leave NaN in place; DJL's {@code set()} would
     * point the gradient at a Java buffer.)
     */
    private static void clearGradients(PercepNetBlock block) {
        for (ai.djl.nn.Parameter p : block.exportTensors().values()) {
            ai.djl.pytorch.jni.JniUtils.zeroGrad((ai.djl.pytorch.engine.PtNDArray) p.getArray());
        }
    }

    /** How many elements of {@code a} are NaN or infinite. */
    static long nonFinite(NDArray a) {
        long n = 0;
        for (float v : a.toFloatArray()) {
            if (!Float.isFinite(v)) {
                n++;
            }
        }
        return n;
    }

    private double lrAt(long step) {
        return schedule.rate(step, budgetFraction);
    }

    /** Mean validation loss over all look-aheads (also logged per M, with the gain part alone). */
    private double validate(String which, PercepNetBlock block, NDManager root, FeatureNormalizer norm,
                            Map<Integer, List<TrainingSequence>> validation, double minutes, long step) {
        StringBuilder perM = new StringBuilder();
        double total = 0;
        for (Map.Entry<Integer, List<TrainingSequence>> e : validation.entrySet()) {
            double[] parts = validationLoss(block, root, norm, e.getValue(), o.overSuppressionWeight());
            total += parts[0] + parts[1];
            perM.append(String.format(Locale.ROOT, "  M=%d %.4f (gain %.4f, strength %.4f)", e.getKey(),
                    parts[0] + parts[1], parts[0], parts[1]));
        }
        double mean = total / validation.size();
        log("validation at step %d (%.1f min), %s: loss %.4f%s", step, minutes, which, mean, perM);
        return mean;
    }

    /** {gain loss, strength loss} per counted frame over a list of sequences, inference mode. */
    static double[] validationLoss(PercepNetBlock block, NDManager root, FeatureNormalizer norm, List<TrainingSequence> seqs,
                                   float overSuppressionWeight) {
        double gain = 0;
        double strength = 0;
        double frames = 0;
        int chunk = 16;
        for (int start = 0; start < seqs.size(); start += chunk) {
            TrainingSequence[] b = seqs.subList(start, Math.min(seqs.size(), start + chunk)).toArray(new TrainingSequence[0]);
            int t = b[0].frames();
            try (NDManager m = root.newSubManager()) {
                NDArray x = m.create(features(b, norm), new Shape(b.length, t, NetworkShape.FEATURES));
                NDList labels = labels(m, b);
                NDList pred = block.forward(new ParameterStore(m, false), new NDList(x), false);
                NDArray[] parts = PerceptualLoss.parts(labels, pred, overSuppressionWeight);
                NDArray mask = labels.get(2);
                gain += parts[0].mul(mask).sum().getFloat();
                strength += parts[1].mul(mask).sum().getFloat();
                frames += mask.max(new int[] {2}).sum().getFloat();
            }
        }
        frames = Math.max(1, frames);
        return new double[] {gain / frames, strength / frames};
    }

    private Path export(PercepNetBlock block, NDManager root, FeatureNormalizer norm,
                        Map<Integer, List<TrainingSequence>> validation) throws IOException {
        Path bestPath = o.out().resolve(BEST);
        WeightFile best = WeightFile.read(Files.exists(bestPath) ? bestPath : o.out().resolve(LATEST));
        ModelExporter.loadInto(block, best);
        Map<String, String> meta = new LinkedHashMap<>(best.metadata());
        meta.keySet().removeAll(block.shape().metadata().keySet());
        meta.remove("format");
        meta.remove("format_version");
        Path model = o.out().resolve(MODEL);
        ModelExporter.toWeightFile(block, norm, meta).write(model);
        TrainingSequence g = validation.values().iterator().next().get(0);
        float[][] rows = rows(g);
        float[][] golden = java.util.Arrays.copyOf(rows, Math.min(GOLDEN_FRAMES, rows.length));
        ModelExporter.golden(block, norm, golden, root, Map.of("model", MODEL, "step", meta.getOrDefault("step", "?")))
                .write(o.out().resolve(GOLDEN));
        log("exported %s (step %s, validation loss %s) and %s", model, meta.get("step"), meta.get("validation_loss"), GOLDEN);
        return model;
    }

    static float[] features(TrainingSequence[] batch, FeatureNormalizer norm) {
        return norm.applyToRows(concat(batch, TrainingSequence::features));
    }

    /**
     * A copy of an array made from Java data, in memory that PyTorch owns. DJL's {@code create} wraps a Java direct
     * buffer without handing it over, and the backward pass reads such inputs again (the features for dense_in's
     * gradient, the targets and mask for the loss's). With the wrapped buffers, a short run dropped 15 batches for
     * non-finite gradients and logged 3 spikes in 500 steps, each of which replayed with finite gradients; with
     * copies, 1 and 0 (model history, "Gradient spikes, and memory").
     */
    static NDArray owned(NDArray fromJava) {
        try (fromJava) {
            return fromJava.duplicate();
        }
    }

    static NDList labels(NDManager m, TrainingSequence[] batch) {
        Shape s = new Shape(batch.length, batch[0].frames(), NetworkShape.BANDS);
        return new NDList(owned(m.create(concat(batch, TrainingSequence::gains), s)),
                owned(m.create(concat(batch, TrainingSequence::strengths), s)),
                owned(m.create(concat(batch, TrainingSequence::mask), s)));
    }

    /** One part of every sequence of a batch (all of equal length), one after the other. */
    static float[] concat(TrainingSequence[] batch, java.util.function.Function<TrainingSequence, float[]> part) {
        int each = part.apply(batch[0]).length;
        float[] out = new float[batch.length * each];
        for (int b = 0; b < batch.length; b++) {
            System.arraycopy(part.apply(batch[b]), 0, out, b * each, each);
        }
        return out;
    }

    static float[][] rows(TrainingSequence s) {
        int f = NetworkShape.FEATURES;
        float[][] rows = new float[s.frames()][f];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(s.features(), i * f, rows[i], 0, f);
        }
        return rows;
    }

    /** SHA-256 over the training and validation file lists (paths and durations): which data the model saw. */
    static String dataHash(Corpus corpus) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Split s : new Split[] {Split.TRAIN, Split.VALIDATION}) {
                for (CorpusFile.Kind k : CorpusFile.Kind.values()) {
                    for (CorpusFile f : corpus.files(s, k)) {
                        md.update((s + " " + f.path() + " " + f.durationS() + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fills the queue from one thread; the sequence order depends only on the seed. */
    private static final class Producer implements Runnable {
        private final SequenceMaker maker;
        private final Random rng;
        private final BlockingQueue<TrainingSequence> queue;
        private volatile boolean running = true;
        private volatile Throwable failure;

        Producer(SequenceMaker maker, Random rng, BlockingQueue<TrainingSequence> queue) {
            this.maker = maker;
            this.rng = rng;
            this.queue = queue;
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            try {
                while (running) {
                    for (TrainingSequence s : maker.next(rng)) {
                        queue.put(s);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                failure = t;
            }
        }
    }

    /** Writes to two streams (console and log file). */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
