package org.percepnet4j.trainer.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Locale;

/**
 * Counts backward passes of one DJL {@code Conv1d} (PyTorch CPU) whose input or weight gradient holds a non-finite
 * value, for random finite inputs: the measurement behind {@link NetworkShape#MIN_TRAINABLE_CONV}. A command, not a
 * unit test, because the failure is intermittent (model history, "Narrow convolutions").
 *
 * <p>Arguments: passes, then any number of {@code batch,in,out,kernel,frames} shapes.
 */
public final class ConvolutionGradientCheck {

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        int passes = Integer.parseInt(args[0]);
        for (int a = 1; a < args.length; a++) {
            int[] s = java.util.Arrays.stream(args[a].split(",")).mapToInt(Integer::parseInt).toArray();
            int[] bad = count(passes, s[0], s[1], s[2], s[3], s[4]);
            System.out.printf(Locale.ROOT, "batch %d, in %d, out %d, kernel %d, frames %d: non-finite input gradient in"
                    + " %d of %d passes, weight gradient in %d%n", s[0], s[1], s[2], s[3], s[4], bad[0], passes, bad[1]);
        }
    }

    private static int[] count(int passes, int batch, int in, int out, int kernel, int frames) {
        int[] bad = new int[2];
        try (NDManager root = NDManager.newBaseManager()) {
            Conv1d conv = Conv1d.builder().setKernelShape(new Shape(kernel)).setFilters(out).build();
            conv.initialize(root, DataType.FLOAT32, new Shape(batch, in, frames));
            for (int i = 0; i < passes; i++) {
                try (NDManager m = root.newSubManager()) {
                    NDArray x = m.randomNormal(new Shape(batch, in, frames));
                    x.setRequiresGradient(true);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray y = conv.forward(new ParameterStore(m, false), new NDList(x), true).head();
                        gc.backward(y.mul(m.randomNormal(y.getShape())).sum());
                    }
                    bad[0] += TrainingRun.nonFinite(x.getGradient()) > 0 ? 1 : 0;
                    bad[1] += TrainingRun.nonFinite(conv.getParameters().get("weight").getArray().getGradient()) > 0 ? 1 : 0;
                }
            }
        }
        return bad;
    }
}
