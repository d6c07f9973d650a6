package org.percepnet4j.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PercepNet network in DJL, batch-first: input [batch, time, 70] normalised features, outputs
 * [batch, time, 34] gains and [batch, time, 34] strengths. It is the training twin of the engine's
 * {@code NeuralGainModel}; {@link #exportTensors()} names every parameter the way that class reads it.
 *
 * <p>Convolutions are causal: each sequence is left-padded with kernel − 1 zero frames, matching the zeroed history
 * of a fresh predictor. GRUs start from a zero state, as a fresh predictor does.
 */
public final class PercepNetBlock extends AbstractBlock {

    private final NetworkShape shape;
    private final Linear denseIn;
    private final Conv1d conv1;
    private final Conv1d conv2;
    private final GRU[] grus;
    private final GRU gainGru;
    private final Linear gainOut;
    private final GRU strengthGru;
    private final Linear strengthOut;

    public PercepNetBlock(NetworkShape shape) {
        super((byte) 1);
        this.shape = shape;
        denseIn = addChildBlock("dense_in", Linear.builder().setUnits(shape.dense()).build());
        conv1 = addChildBlock("conv1", Conv1d.builder().setKernelShape(new Shape(shape.conv1Kernel()))
                .setFilters(shape.conv1()).build());
        conv2 = addChildBlock("conv2", Conv1d.builder().setKernelShape(new Shape(shape.conv2Kernel()))
                .setFilters(shape.conv2()).build());
        grus = new GRU[shape.grus().length];
        for (int i = 0; i < grus.length; i++) {
            grus[i] = addChildBlock("gru" + (i + 1), gru(shape.grus()[i]));
        }
        gainGru = addChildBlock("gru_gain", gru(shape.gainGru()));
        gainOut = addChildBlock("gain_out", Linear.builder().setUnits(NetworkShape.BANDS).build());
        strengthGru = addChildBlock("gru_strength", gru(shape.strengthGru()));
        strengthOut = addChildBlock("strength_out", Linear.builder().setUnits(NetworkShape.BANDS).build());
    }

    private static GRU gru(int width) {
        return GRU.builder().setStateSize(width).setNumLayers(1).optBatchFirst(true).optReturnState(false).build();
    }

    public NetworkShape shape() {
        return shape;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head(); // [B, T, 70]
        NDArray d = run(denseIn, ps, x, training).tanh();                           // [B, T, D]
        NDArray c1 = causalConv(conv1, ps, d.transpose(0, 2, 1), training).tanh();   // [B, C1, T]
        NDArray c2 = causalConv(conv2, ps, c1, training).tanh().transpose(0, 2, 1);  // [B, T, C2]
        NDList gainParts = new NDList(c2);
        NDArray h = c2;
        for (GRU g : grus) {
            h = run(g, ps, h, training);
            gainParts.add(h);
        }
        NDArray hg = run(gainGru, ps, h, training);
        gainParts.add(hg);
        NDArray gains = Activation.sigmoid(run(gainOut, ps, NDArrays.concat(gainParts, 2), training));
        NDArray hr = run(strengthGru, ps, NDArrays.concat(new NDList(c2, h), 2), training);
        NDArray strengths = Activation.sigmoid(run(strengthOut, ps, hr, training));
        return new NDList(gains, strengths);
    }

    private static NDArray run(Block b, ParameterStore ps, NDArray x, boolean training) {
        return b.forward(ps, new NDList(x), training).head();
    }

    private static NDArray causalConv(Conv1d conv, ParameterStore ps, NDArray x, boolean training) {
        long k = conv.getParameters().get("weight").getArray().getShape().get(2);
        Shape s = x.getShape();
        NDArray pad = x.getManager().zeros(new Shape(s.get(0), s.get(1), k - 1), x.getDataType(), x.getDevice());
        return run(conv, ps, NDArrays.concat(new NDList(pad, x), 2), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape in = inputs[0];
        Shape out = new Shape(in.get(0), in.get(1), NetworkShape.BANDS);
        return new Shape[] {out, out};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1);
        denseIn.initialize(manager, dataType, new Shape(b, t, NetworkShape.FEATURES));
        conv1.initialize(manager, dataType, new Shape(b, shape.dense(), t + shape.conv1Kernel() - 1));
        conv2.initialize(manager, dataType, new Shape(b, shape.conv1(), t + shape.conv2Kernel() - 1));
        int in = shape.conv2();
        for (int i = 0; i < grus.length; i++) {
            grus[i].initialize(manager, dataType, new Shape(b, t, in));
            in = shape.grus()[i];
        }
        gainGru.initialize(manager, dataType, new Shape(b, t, in));
        gainOut.initialize(manager, dataType, new Shape(b, t, shape.gainConcat()));
        strengthGru.initialize(manager, dataType, new Shape(b, t, shape.strengthConcat()));
        strengthOut.initialize(manager, dataType, new Shape(b, t, shape.strengthGru()));
    }

    /**
     * Every trainable parameter under its weight-file name (PyTorch naming: {@code dense_in.weight} [out, in],
     * {@code conv1.weight} [out, in, k], {@code gru1.weight_ih} [3H, in] with gates r, z, n, ...).
     */
    public Map<String, Parameter> exportTensors() {
        Map<String, Parameter> m = new LinkedHashMap<>();
        linear(m, "dense_in", denseIn);
        linear(m, "conv1", conv1);
        linear(m, "conv2", conv2);
        for (int i = 0; i < grus.length; i++) {
            gru(m, "gru" + (i + 1), grus[i]);
        }
        gru(m, "gru_gain", gainGru);
        linear(m, "gain_out", gainOut);
        gru(m, "gru_strength", strengthGru);
        linear(m, "strength_out", strengthOut);
        return m;
    }

    private static void linear(Map<String, Parameter> m, String name, Block b) {
        m.put(name + ".weight", b.getParameters().get("weight"));
        m.put(name + ".bias", b.getParameters().get("bias"));
    }

    private static void gru(Map<String, Parameter> m, String name, GRU g) {
        // DJL's fused recurrent block names layer 0's tensors l_0_{i2h,h2h}_{WEIGHT,BIAS}, in PyTorch's layout.
        m.put(name + ".weight_ih", g.getParameters().get("l_0_i2h_WEIGHT"));
        m.put(name + ".weight_hh", g.getParameters().get("l_0_h2h_WEIGHT"));
        m.put(name + ".bias_ih", g.getParameters().get("l_0_i2h_BIAS"));
        m.put(name + ".bias_hh", g.getParameters().get("l_0_h2h_BIAS"));
    }
}
