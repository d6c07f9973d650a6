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
    public void predict(float[] features, float[] gains, float[] strengths) {
        for (int i = 0; i < FEATURES; i++) {
            float v = (features[i] - m.featureMean[i]) * m.featureScale[i];
            // NaN fails both comparisons and becomes 0, the training mean.
            input[i] = v >= -INPUT_LIMIT ? (v <= INPUT_LIMIT ? v : INPUT_LIMIT) : (v < -INPUT_LIMIT ? -INPUT_LIMIT : 0f);
        }
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

        int at = 0;
        System.arraycopy(conv2Out, 0, gainConcat, at, conv2Out.length);
        at += conv2Out.length;
        for (float[] s : states) {
            System.arraycopy(s, 0, gainConcat, at, s.length);
            at += s.length;
        }
        System.arraycopy(gainState, 0, gainConcat, at, gainState.length);
        m.gainOut.apply(gainConcat, gains);
        Activations.sigmoid(gains, BANDS);

        System.arraycopy(conv2Out, 0, strengthConcat, 0, conv2Out.length);
        System.arraycopy(last, 0, strengthConcat, conv2Out.length, last.length);
        m.strengthGru.step(strengthConcat, strengthState, inputProjection, hiddenProjection);
        m.strengthOut.apply(strengthState, strengths);
        Activations.sigmoid(strengths, BANDS);
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
