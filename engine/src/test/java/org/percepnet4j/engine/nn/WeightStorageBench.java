package org.percepnet4j.engine.nn;

import java.util.Arrays;
import java.util.Random;

/**
 * Would smaller weights make the network faster? The default network's 0.96 MB of float weights do not fit a
 * 512 KB L2 cache, so every hop streams them from L3; 8-bit weights (0.24 MB) would fit. This times the products of
 * one hop (the default network's layer shapes, random values) in {@link Dense#mulAdd}'s saxpy form with the weights
 * stored as float, as byte and as short (the loop C2 would have to vectorise with a widening conversion). The
 * byte and short loops are copies of {@link Dense#mulAdd} on purpose: Java cannot abstract over primitive element
 * types without changing the loop C2 compiles, which is what is measured.
 * Not a unit test: run {@code java -cp engine/target/test-classes:engine/target/classes
 * org.percepnet4j.engine.nn.WeightStorageBench} after {@code mvn -q -o -pl engine test-compile}.
 */
public final class WeightStorageBench {

    /** [inputs, outputs] of every product of one hop of the default network (conv taps and GRU halves apart). */
    private static final int[][] PRODUCTS = {
        {70, 64},                                          // dense
        {64, 96}, {64, 96}, {64, 96}, {64, 96}, {64, 96},  // conv1, 5 taps
        {96, 96}, {96, 96}, {96, 96},                      // conv2, 3 taps
        {96, 288}, {96, 288}, {96, 288}, {96, 288},        // GRU 1 and 2, input and hidden
        {96, 192}, {64, 192},                              // gain GRU
        {352, 34},                                         // gain head
        {192, 96}, {32, 96},                               // strength GRU
        {32, 34},                                          // strength head
    };
    private static final int HOPS = 20_000;

    public static void main(String[] args) {
        Random rng = new Random(1);
        int n = PRODUCTS.length;
        float[][][] f = new float[n][][];
        byte[][][] b = new byte[n][][];
        short[][][] s = new short[n][][];
        long weights = 0;
        for (int l = 0; l < n; l++) {
            int in = PRODUCTS[l][0];
            int out = PRODUCTS[l][1];
            weights += (long) in * out;
            f[l] = new float[in][out];
            b[l] = new byte[in][out];
            s[l] = new short[in][out];
            for (int i = 0; i < in; i++) {
                for (int o = 0; o < out; o++) {
                    f[l][i][o] = (float) rng.nextGaussian() * 0.1f;
                    b[l][i][o] = (byte) rng.nextInt(256);
                    s[l][i][o] = (short) rng.nextInt(65536);
                }
            }
        }
        float[] x = new float[400];
        float[] y = new float[400];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        System.out.printf("%d weights: %.2f MB as float, %.2f MB as byte, %.2f MB as short; java %s%n", weights,
                4e-6 * weights, 1e-6 * weights, 2e-6 * weights, System.getProperty("java.version"));
        double[][] times = new double[3][7];
        for (int round = 0; round < 7; round++) { // interleaved, so a change of machine speed hits all three alike
            times[0][round] = time(() -> {
                for (int l = 0; l < n; l++) {
                    Dense.mulAdd(f[l], x, PRODUCTS[l][0], y);
                }
            }, x, y);
            times[1][round] = time(() -> {
                for (int l = 0; l < n; l++) {
                    mulAdd(b[l], x, PRODUCTS[l][0], y);
                }
            }, x, y);
            times[2][round] = time(() -> {
                for (int l = 0; l < n; l++) {
                    mulAdd(s[l], x, PRODUCTS[l][0], y);
                }
            }, x, y);
        }
        String[] names = {"float", "byte", "short"};
        for (int k = 0; k < 3; k++) {
            Arrays.sort(times[k]);
            System.out.printf("%-5s weights: median %.1f us per hop (min %.1f, max %.1f)%n", names[k], times[k][3],
                    times[k][0], times[k][6]);
        }
    }

    /** Microseconds per hop over {@link #HOPS} hops; one input changes per hop so nothing can be hoisted. */
    private static double time(Runnable hop, float[] x, float[] y) {
        long t0 = System.nanoTime();
        for (int h = 0; h < HOPS; h++) {
            hop.run();
            x[h % x.length] = y[h % x.length] * 1e-6f;
        }
        return (System.nanoTime() - t0) / 1e3 / HOPS;
    }

    /** {@link Dense#mulAdd} with byte weights (the scale would be applied once per output afterwards). */
    private static void mulAdd(byte[][] w, float[] x, int n, float[] y) {
        int i = 0;
        for (; i + 3 < n; i += 4) {
            float x0 = x[i];
            float x1 = x[i + 1];
            float x2 = x[i + 2];
            float x3 = x[i + 3];
            byte[] w0 = w[i];
            byte[] w1 = w[i + 1];
            byte[] w2 = w[i + 2];
            byte[] w3 = w[i + 3];
            for (int o = 0; o < w0.length; o++) {
                y[o] = y[o] + w0[o] * x0 + w1[o] * x1 + w2[o] * x2 + w3[o] * x3;
            }
        }
        for (; i < n; i++) {
            float xi = x[i];
            byte[] wi = w[i];
            for (int o = 0; o < wi.length; o++) {
                y[o] += wi[o] * xi;
            }
        }
    }

    /** The same with short weights. */
    private static void mulAdd(short[][] w, float[] x, int n, float[] y) {
        int i = 0;
        for (; i + 3 < n; i += 4) {
            float x0 = x[i];
            float x1 = x[i + 1];
            float x2 = x[i + 2];
            float x3 = x[i + 3];
            short[] w0 = w[i];
            short[] w1 = w[i + 1];
            short[] w2 = w[i + 2];
            short[] w3 = w[i + 3];
            for (int o = 0; o < w0.length; o++) {
                y[o] = y[o] + w0[o] * x0 + w1[o] * x1 + w2[o] * x2 + w3[o] * x3;
            }
        }
        for (; i < n; i++) {
            float xi = x[i];
            short[] wi = w[i];
            for (int o = 0; o < wi.length; o++) {
                y[o] += wi[o] * xi;
            }
        }
    }
}
