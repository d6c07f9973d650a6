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
