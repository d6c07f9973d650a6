package org.percepnet4j.engine.nn;

/**
 * The network's nonlinearities, as float arithmetic that C2 vectorises.
 *
 * <p>Why not {@code Math.exp}: a hop of the default network evaluates about 1,600 sigmoids and tanhs, and through
 * the scalar double {@code exp} they cost about 10 µs per hop (the network went from 52 to 42 µs per hop with this
 * class, {@code NeuralGainModelBench}). Here tanh is a rational function of x² (odd numerator of degree 9, even
 * denominator of degree 8), fitted for this project by iteratively reweighted least squares on [0, 8.5]
 * ({@code engine/tools/fit_tanh_rational.py}) and clamped beyond: 1.2e-8 from tanh in exact arithmetic, within 4e-7
 * of it evaluated in float (a few float steps near ±1), exact 0 at 0, odd, and never outside [−1, 1]. The
 * denominator's coefficients are all positive, so it has no pole. The sigmoid is 0.5 + 0.5·tanh(x/2) (within
 * 2e-7). Only min, max, multiply, add and divide: a loop over an array runs 8 values per instruction on AVX2.
 *
 * <p>NaN stays NaN (the predictor's callers map a NaN gain to "pass the band" and a NaN strength to "no comb").
 */
final class Activations {
    /** Beyond ±CLAMP the rational is within 1e-7 of ±1 and no longer fitted. */
    private static final float CLAMP = 8.5f;
    private static final float P1 = 0.13412538f;
    private static final float P2 = 3.5331890e-3f;
    private static final float P3 = 2.1237547e-5f;
    private static final float P4 = 1.4251123e-8f;
    private static final float Q1 = 0.46745861f;
    private static final float Q2 = 2.6019549e-2f;
    private static final float Q3 = 3.3475066e-4f;
    private static final float Q4 = 8.1375867e-7f;

    private Activations() {
    }

    static float tanh(float x) {
        float c = Math.max(-CLAMP, Math.min(CLAMP, x));
        float s = c * c;
        float p = c * (1f + s * (P1 + s * (P2 + s * (P3 + s * P4))));
        float q = 1f + s * (Q1 + s * (Q2 + s * (Q3 + s * Q4)));
        return Math.max(-1f, Math.min(1f, p / q));
    }

    static float sigmoid(float x) {
        return 0.5f + 0.5f * tanh(0.5f * x);
    }

    /** sigmoid over {@code v[from .. from + n)}, in place. */
    static void sigmoid(float[] v, int from, int n) {
        for (int i = from; i < from + n; i++) {
            v[i] = sigmoid(v[i]);
        }
    }

    /** tanh over {@code v[from .. from + n)}, in place. */
    static void tanh(float[] v, int from, int n) {
        for (int i = from; i < from + n; i++) {
            v[i] = tanh(v[i]);
        }
    }

    static void sigmoid(float[] v, int n) {
        sigmoid(v, 0, n);
    }

    static void tanh(float[] v, int n) {
        tanh(v, 0, n);
    }
}
