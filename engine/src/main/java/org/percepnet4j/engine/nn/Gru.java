package org.percepnet4j.engine.nn;

/**
 * One GRU layer in PyTorch's convention (gate order r, z, n in the stacked [3H, ·] matrices):
 * <pre>
 *   r = σ(W_ir x + b_ir + W_hr h + b_hr)
 *   z = σ(W_iz x + b_iz + W_hz h + b_hz)
 *   n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
 *   h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 * The state lives in the caller's arrays so one layer serves any number of streams.
 */
public final class Gru {

    private final int in;
    private final int hidden;
    private final float[][] inputWeightsInMajor;  // [in][3H]
    private final float[][] hiddenWeightsInMajor; // [H][3H]
    private final float[] inputBias;
    private final float[] hiddenBias;

    public Gru(Tensor weightIh, Tensor weightHh, Tensor biasIh, Tensor biasHh) throws WeightFileException {
        int h3 = weightIh.dim(0);
        if (weightIh.rank() != 2 || h3 % 3 != 0 || weightHh.rank() != 2 || weightHh.dim(0) != h3
                || weightHh.dim(1) != h3 / 3 || biasIh.rank() != 1 || biasIh.dim(0) != h3
                || biasHh.rank() != 1 || biasHh.dim(0) != h3) {
            throw new WeightFileException("GRU layer " + weightIh.name() + ": shapes " + weightIh.shapeText() + ", "
                    + weightHh.shapeText() + ", " + biasIh.shapeText() + ", " + biasHh.shapeText()
                    + " do not form [3H, in], [3H, H], [3H], [3H]");
        }
        this.hidden = h3 / 3;
        this.in = weightIh.dim(1);
        this.inputWeightsInMajor = Dense.transpose(weightIh.data(), h3, in);
        this.hiddenWeightsInMajor = Dense.transpose(weightHh.data(), h3, hidden);
        this.inputBias = biasIh.data().clone();
        this.hiddenBias = biasHh.data().clone();
    }

    /**
     * Advances the state by one frame.
     *
     * @param x  {@link #inputs()} values
     * @param h  {@link #hidden()} values, updated in place
     * @param gi work space of at least 3·{@link #hidden()} values (input projections)
     * @param gh work space of at least 3·{@link #hidden()} values (hidden projections)
     */
    public void step(float[] x, float[] h, float[] gi, float[] gh) {
        int h3 = 3 * hidden;
        System.arraycopy(inputBias, 0, gi, 0, h3);
        Dense.mulAdd(inputWeightsInMajor, x, in, gi);
        recur(gi, h, gh);
    }

    /**
     * The recurrent half of a step: h's projections, the gates and the new h, given the input projections gi.
     * Each stage is a loop of its own over contiguous values (gh is the work space: r and z in place over its
     * first 2·hidden values, then the candidate n over the rest), so C2 vectorises all of them.
     */
    private void recur(float[] gi, float[] h, float[] gh) {
        int h2 = 2 * hidden;
        System.arraycopy(hiddenBias, 0, gh, 0, 3 * hidden);
        Dense.mulAdd(hiddenWeightsInMajor, h, hidden, gh);
        for (int j = 0; j < h2; j++) {
            gh[j] = gi[j] + gh[j];
        }
        Activations.sigmoid(gh, 0, h2); // r = gh[0, hidden), z = gh[hidden, 2·hidden)
        for (int j = 0; j < hidden; j++) {
            gh[h2 + j] = gi[h2 + j] + gh[j] * gh[h2 + j];
        }
        Activations.tanh(gh, h2, hidden); // n
        for (int j = 0; j < hidden; j++) {
            float z = gh[hidden + j];
            h[j] = (1f - z) * gh[h2 + j] + z * h[j];
        }
    }

    /**
     * {@link #step} for {@code count} consecutive frames: the input projections of all frames first, in one
     * {@link Dense#mulAddRows} pass, then the recurrence frame by frame. Writes the state after frame t into
     * {@code hOut[t]} and leaves the last one in {@code h}; bit-identical to {@code count} calls of step.
     *
     * @param gi work space of {@code count} rows of at least 3·{@link #hidden()} values
     * @param gh work space of at least 3·{@link #hidden()} values
     */
    void stepRows(float[][] x, int count, float[] h, float[][] hOut, float[][] gi, float[] gh) {
        int h3 = 3 * hidden;
        for (int t = 0; t < count; t++) {
            System.arraycopy(inputBias, 0, gi[t], 0, h3);
        }
        Dense.mulAddRows(inputWeightsInMajor, x, 0, in, gi, 0, count);
        for (int t = 0; t < count; t++) {
            recur(gi[t], h, gh);
            System.arraycopy(h, 0, hOut[t], 0, hidden);
        }
    }

    public int inputs() {
        return in;
    }

    public int hidden() {
        return hidden;
    }

    public int parameterCount() {
        return 3 * hidden * (in + hidden) + inputBias.length + hiddenBias.length;
    }
}
