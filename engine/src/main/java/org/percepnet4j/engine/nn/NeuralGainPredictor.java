package org.percepnet4j.engine.nn;

import java.util.Arrays;
import org.percepnet4j.engine.GainPredictor;

/** One stream's state for a {@link NeuralGainModel}; every buffer is allocated here, none in {@link #predict}. */
final class NeuralGainPredictor implements GainPredictor {

    /** Normalised inputs are clamped to this magnitude so absurd features cannot saturate the state for long. */
    private static final float INPUT_LIMIT = 20f;

    private final NeuralGainModel m;
    private final float[] input = new float[FEATURES];
    private final float[] dense;
    private final CausalConv1d.History conv1History;
    private final float[] conv1Out;
    private final CausalConv1d.History conv2History;
    private final float[] conv2Out;
    private final float[][] states;
    private final float[] gainState;
    private final float[] strengthState;
    private final float[] gainConcat;
    private final float[] strengthConcat;
    private final float[] inputProjection;
    private final float[] hiddenProjection;
    /** Buffers of {@link #predictBlock}, made on its first call. */
    private Block block;

    NeuralGainPredictor(NeuralGainModel model) {
        this.m = model;
        this.dense = new float[model.denseIn.outputs()];
        this.conv1History = model.conv1.newHistory();
        this.conv1Out = new float[model.conv1.outputs()];
        this.conv2History = model.conv2.newHistory();
        this.conv2Out = new float[model.conv2.outputs()];
        this.states = new float[model.grus.length][];
        int maxHidden = Math.max(model.gainGru.hidden(), model.strengthGru.hidden());
        for (int i = 0; i < states.length; i++) {
            states[i] = new float[model.grus[i].hidden()];
            maxHidden = Math.max(maxHidden, model.grus[i].hidden());
        }
        this.gainState = new float[model.gainGru.hidden()];
        this.strengthState = new float[model.strengthGru.hidden()];
        this.gainConcat = new float[model.gainOut.inputs()];
        this.strengthConcat = new float[model.strengthGru.inputs()];
        this.inputProjection = new float[3 * maxHidden];
        this.hiddenProjection = new float[3 * maxHidden];
    }

    @Override
    public boolean holdsThroughSilence() {
        return true;
    }

    @Override
    public void predict(float[] features, float[] gains, float[] strengths) {
        normalise(features, input);
        m.denseIn.apply(input, dense);
        Activations.tanh(dense, dense.length);
        conv1History.push(dense);
        m.conv1.apply(conv1History, conv1Out);
        Activations.tanh(conv1Out, conv1Out.length);
        conv2History.push(conv1Out);
        m.conv2.apply(conv2History, conv2Out);
        Activations.tanh(conv2Out, conv2Out.length);

        float[] x = conv2Out;
        for (int i = 0; i < states.length; i++) {
            m.grus[i].step(x, states[i], inputProjection, hiddenProjection);
            x = states[i];
        }
        float[] last = x;
        m.gainGru.step(last, gainState, inputProjection, hiddenProjection);

        concatGainInput(conv2Out, states, gainState, gainConcat);
        m.gainOut.apply(gainConcat, gains);
        Activations.sigmoid(gains, BANDS);
        if (m.gainCalibration != null) {
            m.gainCalibration.apply(gains, BANDS);
        }

        concatStrengthInput(conv2Out, last, strengthConcat);
        m.strengthGru.step(strengthConcat, strengthState, inputProjection, hiddenProjection);
        m.strengthOut.apply(strengthState, strengths);
        Activations.sigmoid(strengths, BANDS);
    }

    /**
     * Layer by layer over blocks of up to {@link Block#ROWS} hops: each layer's weights are fetched once per
     * block and the non-recurrent products run over all its hops (see {@link Dense#mulAddRows}); only the GRUs'
     * hidden-state products stay hop by hop. Every value is computed with the same operations in the same order
     * as in {@link #predict}, so the results are bit-identical. The block buffers are allocated on the first call
     * (offline renderers only; the audio thread calls {@link #predict}).
     */
    @Override
    public void predictBlock(float[][] features, float[][] gains, float[][] strengths, int first, int count) {
        if (block == null) {
            block = new Block(m);
        }
        for (int done = 0; done < count; done += Block.ROWS) {
            runBlock(features, gains, strengths, first + done, Math.min(Block.ROWS, count - done));
        }
    }

    private void runBlock(float[][] features, float[][] gains, float[][] strengths, int first, int n) {
        Block b = block;
        for (int t = 0; t < n; t++) {
            int row = (first + t) % features.length;
            normalise(features[row], b.input[t]);
            b.gains[t] = gains[row];
            b.strengths[t] = strengths[row];
        }
        m.denseIn.applyRows(b.input, b.denseRows, n);
        tanhRows(b.denseRows, n);
        conv1History.copyPast(b.denseWithPast);
        m.conv1.applyRows(conv1History, b.denseWithPast, b.conv1Rows, n);
        tanhRows(b.conv1Rows, n);
        conv2History.copyPast(b.conv1WithPast);
        m.conv2.applyRows(conv2History, b.conv1WithPast, b.conv2Rows, n);
        tanhRows(b.conv2Rows, n);

        float[][] x = b.conv2Rows;
        for (int i = 0; i < states.length; i++) {
            m.grus[i].stepRows(x, n, states[i], b.gruRows[i], b.inputProjections, hiddenProjection);
            x = b.gruRows[i];
        }
        float[][] last = x;
        m.gainGru.stepRows(last, n, gainState, b.gainGruRows, b.inputProjections, hiddenProjection);

        for (int t = 0; t < n; t++) {
            for (int i = 0; i < states.length; i++) {
                b.gruOutputs[i] = b.gruRows[i][t];
            }
            concatGainInput(b.conv2Rows[t], b.gruOutputs, b.gainGruRows[t], b.gainConcat[t]);
        }
        m.gainOut.applyRows(b.gainConcat, b.gains, n);
        for (int t = 0; t < n; t++) {
            Activations.sigmoid(b.gains[t], BANDS);
            if (m.gainCalibration != null) {
                m.gainCalibration.apply(b.gains[t], BANDS);
            }
        }

        for (int t = 0; t < n; t++) {
            concatStrengthInput(b.conv2Rows[t], last[t], b.strengthConcat[t]);
        }
        m.strengthGru.stepRows(b.strengthConcat, n, strengthState, b.strengthGruRows, b.inputProjections,
                hiddenProjection);
        m.strengthOut.applyRows(b.strengthGruRows, b.strengths, n);
        for (int t = 0; t < n; t++) {
            Activations.sigmoid(b.strengths[t], BANDS);
        }
    }

    /** (features − mean)·scale, clamped to ±INPUT_LIMIT; NaN fails both comparisons and becomes 0, the mean. */
    private void normalise(float[] features, float[] dst) {
        for (int i = 0; i < FEATURES; i++) {
            float v = (features[i] - m.featureMean[i]) * m.featureScale[i];
            dst[i] = v >= -INPUT_LIMIT ? (v <= INPUT_LIMIT ? v : INPUT_LIMIT) : (v < -INPUT_LIMIT ? -INPUT_LIMIT : 0f);
        }
    }

    /** The gain head's input: [conv2, gru1 … gruN, gru_gain]. */
    private static void concatGainInput(float[] conv2, float[][] gruOutputs, float[] gainGru, float[] dst) {
        System.arraycopy(conv2, 0, dst, 0, conv2.length);
        int at = conv2.length;
        for (float[] g : gruOutputs) {
            System.arraycopy(g, 0, dst, at, g.length);
            at += g.length;
        }
        System.arraycopy(gainGru, 0, dst, at, gainGru.length);
    }

    /** The strength GRU's input: [conv2, gruN]. */
    private static void concatStrengthInput(float[] conv2, float[] lastGru, float[] dst) {
        System.arraycopy(conv2, 0, dst, 0, conv2.length);
        System.arraycopy(lastGru, 0, dst, conv2.length, lastGru.length);
    }

    private static void tanhRows(float[][] rows, int n) {
        for (int t = 0; t < n; t++) {
            Activations.tanh(rows[t], rows[t].length);
        }
    }

    /** Work space of {@link #predictBlock}: one row per hop of a block for every layer's output. */
    private static final class Block {
        static final int ROWS = 16;

        final float[][] input = new float[ROWS][FEATURES];
        /** The dense layer's output with the conv1 kernel's past frames in front; denseRows is its tail. */
        final float[][] denseWithPast;
        final float[][] denseRows;
        final float[][] conv1WithPast;
        final float[][] conv1Rows;
        final float[][] conv2Rows;
        final float[][][] gruRows;
        /** One hop's row of each GRU layer (views into gruRows), for the gain head's concatenation. */
        final float[][] gruOutputs;
        final float[][] gainGruRows;
        final float[][] strengthGruRows;
        final float[][] inputProjections;
        final float[][] gainConcat;
        final float[][] strengthConcat;
        /** The caller's output rows of the block being run. */
        final float[][] gains = new float[ROWS][];
        final float[][] strengths = new float[ROWS][];

        Block(NeuralGainModel m) {
            denseWithPast = new float[m.conv1.kernel() - 1 + ROWS][m.denseIn.outputs()];
            denseRows = java.util.Arrays.copyOfRange(denseWithPast, m.conv1.kernel() - 1, denseWithPast.length);
            conv1WithPast = new float[m.conv2.kernel() - 1 + ROWS][m.conv1.outputs()];
            conv1Rows = java.util.Arrays.copyOfRange(conv1WithPast, m.conv2.kernel() - 1, conv1WithPast.length);
            conv2Rows = new float[ROWS][m.conv2.outputs()];
            gruRows = new float[m.grus.length][][];
            gruOutputs = new float[m.grus.length][];
            int maxHidden = Math.max(m.gainGru.hidden(), m.strengthGru.hidden());
            for (int i = 0; i < gruRows.length; i++) {
                gruRows[i] = new float[ROWS][m.grus[i].hidden()];
                maxHidden = Math.max(maxHidden, m.grus[i].hidden());
            }
            gainGruRows = new float[ROWS][m.gainGru.hidden()];
            strengthGruRows = new float[ROWS][m.strengthGru.hidden()];
            inputProjections = new float[ROWS][3 * maxHidden];
            gainConcat = new float[ROWS][m.gainOut.inputs()];
            strengthConcat = new float[ROWS][m.strengthGru.inputs()];
        }
    }

    @Override
    public void reset() {
        conv1History.clear();
        conv2History.clear();
        for (float[] s : states) {
            Arrays.fill(s, 0f);
        }
        Arrays.fill(gainState, 0f);
        Arrays.fill(strengthState, 0f);
    }
}
