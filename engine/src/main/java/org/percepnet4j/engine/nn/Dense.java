package org.percepnet4j.engine.nn;

/**
 * A fully connected layer y = W·x + b, W stored as PyTorch's [out, in].
 *
 * <p>The weights are kept transposed as one array per input, so the product is a sequence of y += w_i·x_i updates
 * whose load and store share one index: C2 vectorises that loop (measured 4–5× faster than a flat [in·out] array,
 * where a possible alias between weights and output blocks SuperWord, and than per-row dot products, whose
 * strictly ordered float reduction is not vectorised).
 */
public final class Dense {

    private final int in;
    private final int out;
    private final float[][] weightsInMajor; // [in][out]
    private final float[] bias;

    /**
     * @param weight PyTorch layout [out, in]
     * @param bias   [out]
     */
    public Dense(Tensor weight, Tensor bias) throws WeightFileException {
        if (weight.rank() != 2 || bias.rank() != 1 || bias.dim(0) != weight.dim(0)) {
            throw new WeightFileException("dense layer " + weight.name() + ": shapes " + weight.shapeText() + " and "
                    + bias.shapeText() + " do not form [out, in] + [out]");
        }
        this.out = weight.dim(0);
        this.in = weight.dim(1);
        this.weightsInMajor = transpose(weight.data(), out, in);
        this.bias = bias.data().clone();
    }

    /** [rows][cols] row-major to one array of {@code rows} values per column. */
    static float[][] transpose(float[] rowMajor, int rows, int cols) {
        float[][] t = new float[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c][r] = rowMajor[r * cols + c];
            }
        }
        return t;
    }

    /** y += W·x over the first {@code n} inputs, W given as one array per input (all of one length ≤ y.length). */
    static void mulAdd(float[][] wInMajor, float[] x, int n, float[] y) {
        int i = 0;
        // Four inputs per pass: one load and store of y per four products instead of per product. The sum is
        // written left to right, so it rounds exactly as four single updates in a row would.
        for (; i + 3 < n; i += 4) {
            float x0 = x[i];
            float x1 = x[i + 1];
            float x2 = x[i + 2];
            float x3 = x[i + 3];
            float[] w0 = wInMajor[i];
            float[] w1 = wInMajor[i + 1];
            float[] w2 = wInMajor[i + 2];
            float[] w3 = wInMajor[i + 3];
            for (int o = 0; o < w0.length; o++) {
                y[o] = y[o] + w0[o] * x0 + w1[o] * x1 + w2[o] * x2 + w3[o] * x3;
            }
        }
        for (; i < n; i++) {
            float xi = x[i];
            float[] w = wInMajor[i];
            for (int o = 0; o < w.length; o++) {
                y[o] += w[o] * xi;
            }
        }
    }

    /**
     * The same product for {@code count} rows at once: {@code y[yFrom + t] += W·x[xFrom + t]}. Each output value
     * is summed in exactly the order of {@link #mulAdd} (inputs in ascending order, grouped by four, the rest one
     * by one), so every row is bit-identical to a {@code mulAdd} call of its own. The loop order is what makes it
     * faster: a group of weight columns is loaded once and used for every row while it sits in the L1 cache,
     * instead of streaming all the weights from memory again for every hop.
     */
    static void mulAddRows(float[][] wInMajor, float[][] x, int xFrom, int n, float[][] y, int yFrom, int count) {
        int i = 0;
        // Four inputs per pass, as in mulAdd. (Eight per pass would round the same, and so would two rows per
        // pass, but C2 does not vectorise those loops: measured 4-5x slower.)
        for (; i + 3 < n; i += 4) {
            float[] w0 = wInMajor[i];
            float[] w1 = wInMajor[i + 1];
            float[] w2 = wInMajor[i + 2];
            float[] w3 = wInMajor[i + 3];
            int len = w0.length;
            for (int t = 0; t < count; t++) {
                float[] xr = x[xFrom + t];
                float[] yr = y[yFrom + t];
                float x0 = xr[i];
                float x1 = xr[i + 1];
                float x2 = xr[i + 2];
                float x3 = xr[i + 3];
                for (int o = 0; o < len; o++) {
                    yr[o] = yr[o] + w0[o] * x0 + w1[o] * x1 + w2[o] * x2 + w3[o] * x3;
                }
            }
        }
        for (; i < n; i++) {
            float[] w = wInMajor[i];
            int len = w.length;
            for (int t = 0; t < count; t++) {
                float xi = x[xFrom + t][i];
                float[] yr = y[yFrom + t];
                for (int o = 0; o < len; o++) {
                    yr[o] += w[o] * xi;
                }
            }
        }
    }

    /** {@link #apply} for {@code count} rows: {@code y[t] = W·x[t] + b}, each row bit-identical to apply. */
    public void applyRows(float[][] x, float[][] y, int count) {
        for (int t = 0; t < count; t++) {
            System.arraycopy(bias, 0, y[t], 0, out);
        }
        mulAddRows(weightsInMajor, x, 0, in, y, 0, count);
    }

    /** y = W·x + b; reads {@link #inputs()} values of x, writes {@link #outputs()} values of y. */
    public void apply(float[] x, float[] y) {
        System.arraycopy(bias, 0, y, 0, out);
        mulAdd(weightsInMajor, x, in, y);
    }

    public int inputs() {
        return in;
    }

    public int outputs() {
        return out;
    }

    /** Number of weights and biases. */
    public int parameterCount() {
        return in * out + bias.length;
    }
}
