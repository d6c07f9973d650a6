package org.percepnet4j.trainer.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.percepnet4j.engine.nn.WeightFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trainer replay}: runs one saved batch (a {@code spike-step-N-*} pair that a training run wrote when a
 * batch's gradients were huge or not finite) through the network again and says where they start: in the loss's
 * gradient with respect to the predictions, or in the network's backward pass given that gradient.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay a saved batch with non-finite gradients and locate where they start.")
public final class ReplayCommand implements Callable<Integer> {

    /**
     * Batch-file metadata: the run's {@code --over-suppression-weight}, so the replay computes the loss the run did.
     * Batches saved before the option existed lack it and were trained with the 2021 loss (0).
     */
    static final String OVER_SUPPRESSION_WEIGHT = "over_suppression_weight";

    @Option(names = "--weights", required = true, description = "the spike-step-N-weights.safetensors file")
    Path weights;
    @Option(names = "--batch", required = true, description = "the spike-step-N-batch.safetensors file")
    Path batchFile;

    @Override
    public Integer call() throws Exception {
        System.setProperty("ai.djl.offline", "true");
        WeightFile w = WeightFile.read(weights);
        WeightFile b = WeightFile.read(batchFile);
        int sequences = Integer.parseInt(b.requireMetadata("sequences"));
        int frames = Integer.parseInt(b.requireMetadata("frames"));
        int rows = sequences * frames;
        NetworkShape shape = NetworkShape.fromMetadata(w.metadata());
        try (NDManager m = NDManager.newBaseManager()) {
            PercepNetBlock block = new PercepNetBlock(shape);
            block.initialize(m, DataType.FLOAT32, new Shape(sequences, frames, NetworkShape.FEATURES));
            FeatureNormalizer norm = ModelExporter.loadInto(block, w);
            float[] raw = b.tensor("features", rows, NetworkShape.FEATURES).data();
            float[] x = norm.applyToRows(raw);
            Shape s = new Shape(sequences, frames, NetworkShape.BANDS);
            // In PyTorch's own memory, as in training (TrainingRun.owned): the backward passes read these again.
            NDList labels = new NDList(TrainingRun.owned(m.create(b.tensor("gains", rows, NetworkShape.BANDS).data(), s)),
                    TrainingRun.owned(m.create(b.tensor("strengths", rows, NetworkShape.BANDS).data(), s)),
                    TrainingRun.owned(m.create(b.tensor("mask", rows, NetworkShape.BANDS).data(), s)));
            report("raw features", raw);
            report("normalised features", x);
            report("target gains", labels.get(0).toFloatArray());
            report("target strengths", labels.get(1).toFloatArray());
            NDArray input = TrainingRun.owned(m.create(x, new Shape(sequences, frames, NetworkShape.FEATURES)));

            // 1. The loss alone, from the predictions as leaves.
            NDList pred = block.forward(new ParameterStore(m, false), new NDList(input), true);
            report("predicted gains", pred.get(0).toFloatArray());
            report("predicted strengths", pred.get(1).toFloatArray());
            NDArray g = pred.get(0).duplicate();
            NDArray r = pred.get(1).duplicate();
            g.setRequiresGradient(true);
            r.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                float overSuppressionWeight = Float.parseFloat(b.metadata().getOrDefault(OVER_SUPPRESSION_WEIGHT, "0"));
                NDArray loss = new PerceptualLoss(overSuppressionWeight).evaluate(labels, new NDList(g, r));
                System.out.printf(Locale.ROOT, "loss %s%n", loss.getFloat());
                gc.backward(loss);
            }
            float[] dLdg = g.getGradient().toFloatArray();
            float[] dLdr = r.getGradient().toFloatArray();
            report("dL/d(predicted gains)", dLdg);
            report("dL/d(predicted strengths)", dLdr);
            where("dL/d(predicted gains)", dLdg, pred.get(0).toFloatArray(), labels.get(0).toFloatArray(),
                    labels.get(2).toFloatArray());

            // 2. The network's backward pass, given the loss's (finite-cleaned) gradient as the upstream one.
            for (int i = 0; i < dLdg.length; i++) {
                dLdg[i] = Float.isFinite(dLdg[i]) ? dLdg[i] : 0;
                dLdr[i] = Float.isFinite(dLdr[i]) ? dLdr[i] : 0;
            }
            NDArray upG = TrainingRun.owned(m.create(dLdg, s));
            NDArray upR = TrainingRun.owned(m.create(dLdr, s));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList p = block.forward(new ParameterStore(m, false), new NDList(input), true);
                NDArray surrogate = p.get(0).mul(upG).sum().add(p.get(1).mul(upR).sum());
                gc.backward(surrogate);
            }
            for (Map.Entry<String, ai.djl.nn.Parameter> e : block.exportTensors().entrySet()) {
                report("gradient of " + e.getKey(), e.getValue().getArray().getGradient().toFloatArray());
            }
        }
        return 0;
    }

    private static void report(String what, float[] v) {
        long nonFinite = 0;
        double max = 0;
        for (float f : v) {
            if (!Float.isFinite(f)) {
                nonFinite++;
            } else {
                max = Math.max(max, Math.abs(f));
            }
        }
        System.out.printf(Locale.ROOT, "%-40s %9d values, %6d non-finite, largest finite |x| %.4g%n", what, v.length,
                nonFinite, max);
    }

    /** The first few elements whose gradient is not finite, with the prediction, target and mask there. */
    private static void where(String what, float[] grad, float[] pred, float[] target, float[] mask) {
        int shown = 0;
        for (int i = 0; i < grad.length && shown < 8; i++) {
            if (!Float.isFinite(grad[i]) || Math.abs(grad[i]) > 1e3) {
                System.out.printf(Locale.ROOT, "  %s[%d] = %s  (prediction %s, target %s, mask %s)%n", what, i, grad[i],
                        pred[i], target[i], mask[i]);
                shown++;
            }
        }
    }
}
