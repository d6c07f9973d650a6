package org.percepnet4j.engine.nn;

/**
 * A 1-D convolution over time that sees only the current and the past {@code kernel - 1} frames, run one frame
 * at a time. Weights in PyTorch's Conv1d layout [out, in, kernel]; tap {@code kernel - 1} multiplies the newest
 * frame. Training pads the start of every sequence with zero frames, and a fresh {@link History} starts zeroed,
 * so both agree.
 */
public final class CausalConv1d {

    private final int in;
    private final int out;
    private final int kernel;
    private final float[][][] tapWeightsInMajor; // [kernel][in][out]
    private final float[] bias;

    public CausalConv1d(Tensor weight, Tensor bias) throws WeightFileException {
        if (weight.rank() != 3 || bias.rank() != 1 || bias.dim(0) != weight.dim(0) || weight.dim(2) < 1) {
            throw new WeightFileException("conv layer " + weight.name() + ": shapes " + weight.shapeText() + " and "
                    + bias.shapeText() + " do not form [out, in, kernel] + [out]");
        }
        this.out = weight.dim(0);
        this.in = weight.dim(1);
        this.kernel = weight.dim(2);
        this.tapWeightsInMajor = new float[kernel][in][out];
        float[] w = weight.data();
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                for (int k = 0; k < kernel; k++) {
                    tapWeightsInMajor[k][i][o] = w[(o * in + i) * kernel + k];
                }
            }
        }
        this.bias = bias.data().clone();
    }

    /** The last {@code kernel} input frames of one stream, as a ring; allocate once, outside the audio thread. */
    public final class History {
        private final float[][] frames = new float[kernel][in];
        private int newest = kernel - 1;

        /** Stores x as the newest frame (the oldest one drops out). */
        public void push(float[] x) {
            newest = (newest + 1) % kernel;
            System.arraycopy(x, 0, frames[newest], 0, in);
        }

        /** Writes the {@code kernel - 1} frames before the newest-to-come into rows 0..kernel-2, oldest first. */
        void copyPast(float[][] rows) {
            for (int j = 0; j < kernel - 1; j++) {
                // row j is (kernel - 1 - j) frames before the next frame, i.e. (kernel - 2 - j) back from newest
                int slot = Math.floorMod(newest - (kernel - 2 - j), kernel);
                System.arraycopy(frames[slot], 0, rows[j], 0, in);
            }
        }

        public void clear() {
            for (float[] f : frames) {
                java.util.Arrays.fill(f, 0f);
            }
            newest = kernel - 1;
        }
    }

    public History newHistory() {
        return new History();
    }

    /** y = conv over the history (whose newest frame is the current input). */
    public void apply(History h, float[] y) {
        System.arraycopy(bias, 0, y, 0, out);
        for (int k = 0; k < kernel; k++) {
            // tap k looks (kernel - 1 - k) frames back
            int slot = Math.floorMod(h.newest - (kernel - 1 - k), kernel);
            Dense.mulAdd(tapWeightsInMajor[k], h.frames[slot], in, y);
        }
    }

    /**
     * {@link #apply} for {@code count} consecutive frames: rows 0..kernel-2 of {@code x} hold the frames before
     * the block (see {@link History#copyPast}), rows kernel-1.. the block's frames, so output t reads rows
     * t..t+kernel-1. Afterwards the history holds the block's last frames, as if each had been pushed and
     * applied in turn; every output row is bit-identical to that.
     */
    void applyRows(History h, float[][] x, float[][] y, int count) {
        for (int t = 0; t < count; t++) {
            System.arraycopy(bias, 0, y[t], 0, out);
        }
        for (int k = 0; k < kernel; k++) {
            Dense.mulAddRows(tapWeightsInMajor[k], x, k, in, y, 0, count);
        }
        for (int r = count - 1; r < count + kernel - 1; r++) {
            h.push(x[r]);
        }
    }

    public int inputs() {
        return in;
    }

    public int outputs() {
        return out;
    }

    public int kernel() {
        return kernel;
    }

    public int parameterCount() {
        return kernel * in * out + out;
    }
}
