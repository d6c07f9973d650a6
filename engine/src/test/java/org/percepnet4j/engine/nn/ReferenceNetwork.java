package org.percepnet4j.engine.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * The network written as directly as possible from the PyTorch definitions, in double precision and on the
 * row-major tensors, with a full history of past inputs: the specification the fast kernels are tested against.
 */
final class ReferenceNetwork {

    private final WeightFile w;
    private final int layers;
    private final List<double[]> denseHistory = new ArrayList<>();
    private final List<double[]> conv1History = new ArrayList<>();
    private final double[][] h;
    private double[] hg;
    private double[] hr;

    ReferenceNetwork(WeightFile w, int layers) {
        this.w = w;
        this.layers = layers;
        this.h = new double[layers][];
    }

    private float[] t(String name) {
        return w.tensors().get(name).data();
    }

    private int[] shape(String name) {
        return w.tensors().get(name).shape();
    }

    private double[] linear(String layer, double[] x) {
        float[] wt = t(layer + ".weight");
        float[] b = t(layer + ".bias");
        int out = b.length;
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            y[o] = b[o];
            for (int i = 0; i < x.length; i++) {
                y[o] += wt[o * x.length + i] * x[i];
            }
        }
        return y;
    }

    /** PyTorch Conv1d (cross-correlation) at the last time step of a zero-padded history. */
    private double[] conv(String layer, List<double[]> history) {
        int[] s = shape(layer + ".weight");
        int out = s[0], in = s[1], k = s[2];
        float[] wt = t(layer + ".weight");
        float[] b = t(layer + ".bias");
        double[] y = new double[out];
        int now = history.size() - 1;
        for (int o = 0; o < out; o++) {
            y[o] = b[o];
            for (int j = 0; j < k; j++) {
                int time = now - (k - 1) + j;
                if (time < 0) {
                    continue;
                }
                for (int i = 0; i < in; i++) {
                    y[o] += wt[(o * in + i) * k + j] * history.get(time)[i];
                }
            }
        }
        return y;
    }

    private double[] gru(String layer, double[] x, double[] hPrev) {
        int hidden = t(layer + ".bias_ih").length / 3;
        double[] hp = hPrev == null ? new double[hidden] : hPrev;
        float[] wi = t(layer + ".weight_ih"), wh = t(layer + ".weight_hh"), bi = t(layer + ".bias_ih"), bh = t(layer + ".bias_hh");
        double[] out = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            double[] gi = new double[3], gh = new double[3];
            for (int g = 0; g < 3; g++) {
                int row = g * hidden + j;
                gi[g] = bi[row];
                gh[g] = bh[row];
                for (int i = 0; i < x.length; i++) {
                    gi[g] += wi[row * x.length + i] * x[i];
                }
                for (int i = 0; i < hidden; i++) {
                    gh[g] += wh[row * hidden + i] * hp[i];
                }
            }
            double r = 1 / (1 + Math.exp(-(gi[0] + gh[0])));
            double z = 1 / (1 + Math.exp(-(gi[1] + gh[1])));
            double n = Math.tanh(gi[2] + r * gh[2]);
            out[j] = (1 - z) * n + z * hp[j];
        }
        return out;
    }

    private static double[] tanh(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.tanh(v[i]);
        }
        return v;
    }

    private static double[] sigmoid(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = 1 / (1 + Math.exp(-v[i]));
        }
        return v;
    }

    private static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] c = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, c, at, p.length);
            at += p.length;
        }
        return c;
    }

    /** Returns {gains, strengths}. */
    double[][] step(float[] features) {
        float[] mean = t("feature_mean"), scale = t("feature_scale");
        double[] x = new double[70];
        for (int i = 0; i < 70; i++) {
            x[i] = (features[i] - mean[i]) * scale[i];
        }
        denseHistory.add(tanh(linear("dense_in", x)));
        conv1History.add(tanh(conv("conv1", denseHistory)));
        List<double[]> c1 = conv1History;
        double[] c2 = tanh(conv("conv2", c1));
        double[] in = c2;
        for (int i = 0; i < layers; i++) {
            h[i] = gru("gru" + (i + 1), in, h[i]);
            in = h[i];
        }
        hg = gru("gru_gain", in, hg);
        double[][] parts = new double[layers + 2][];
        parts[0] = c2;
        System.arraycopy(h, 0, parts, 1, layers);
        parts[layers + 1] = hg;
        double[] gains = sigmoid(linear("gain_out", concat(parts)));
        hr = gru("gru_strength", concat(c2, in), hr);
        double[] strengths = sigmoid(linear("strength_out", hr));
        return new double[][] {gains, strengths};
    }
}
