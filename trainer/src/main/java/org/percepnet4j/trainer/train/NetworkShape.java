package org.percepnet4j.trainer.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Layer widths of the PercepNet network (spec §10): dense_in → conv1 (kernel 5) → conv2 (kernel 3) → GRU stack →
 * gain head (GRU_g + dense over all) and strength head (GRU_r + dense). Written into the weight file's metadata.
 */
public record NetworkShape(int dense, int conv1, int conv1Kernel, int conv2, int conv2Kernel, int[] grus,
                           int gainGru, int strengthGru) {

    public static final int FEATURES = 70;
    public static final int BANDS = 34;

    public NetworkShape {
        if (dense < 1 || conv1 < 1 || conv2 < 1 || conv1Kernel < 1 || conv2Kernel < 1 || grus.length < 1
                || gainGru < 1 || strengthGru < 1 || Arrays.stream(grus).anyMatch(g -> g < 1)) {
            throw new IllegalArgumentException("every layer width must be at least 1, GRU stack not empty");
        }
        grus = grus.clone();
    }

    /**
     * Narrowest convolution output that trains reliably. PyTorch 2.7.1's CPU convolution backward pass intermittently
     * returns non-finite input gradients when a convolution has fewer than 16 output channels (measured with
     * {@code ConvolutionGradientCheck}: 8 outputs, 3 to 10 % of passes; 12, 0.2 %; 16 and wider, none; model history,
     * "Narrow convolutions"). The shipped widths (96) are far above it.
     */
    public static final int MIN_TRAINABLE_CONV = 16;

    /** Refuses widths the trainer cannot train reliably (see {@link #MIN_TRAINABLE_CONV}). */
    public NetworkShape requireTrainable() {
        if (conv1 < MIN_TRAINABLE_CONV || conv2 < MIN_TRAINABLE_CONV) {
            throw new IllegalArgumentException("convolution widths " + conv1 + "," + conv2 + " are too narrow to train: "
                    + "at least " + MIN_TRAINABLE_CONV + " each (PyTorch's CPU convolution returns non-finite gradients"
                    + " now and then below that)");
        }
        return this;
    }

    /** Width of the gain head's dense input: conv2, every GRU and GRU_g. */
    public int gainConcat() {
        return conv2 + Arrays.stream(grus).sum() + gainGru;
    }

    /** Width of GRU_r's input: conv2 and the last GRU. */
    public int strengthConcat() {
        return conv2 + grus[grus.length - 1];
    }

    public int lastGru() {
        return grus[grus.length - 1];
    }

    /** Weights and biases in total. */
    public long parameterCount() {
        long n = (long) FEATURES * dense + dense;
        n += (long) dense * conv1 * conv1Kernel + conv1;
        n += (long) conv1 * conv2 * conv2Kernel + conv2;
        int in = conv2;
        for (int h : grus) {
            n += gru(in, h);
            in = h;
        }
        n += gru(in, gainGru) + (long) gainConcat() * BANDS + BANDS;
        n += gru(strengthConcat(), strengthGru) + (long) strengthGru * BANDS + BANDS;
        return n;
    }

    private static long gru(int in, int h) {
        return 3L * h * (in + h) + 6L * h;
    }

    /** The widths as weight-file metadata (strings). */
    public Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dense_in", Integer.toString(dense));
        m.put("conv1", Integer.toString(conv1));
        m.put("conv1_kernel", Integer.toString(conv1Kernel));
        m.put("conv2", Integer.toString(conv2));
        m.put("conv2_kernel", Integer.toString(conv2Kernel));
        m.put("gru_layers", Integer.toString(grus.length));
        m.put("gru", Arrays.stream(grus).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        m.put("gru_gain", Integer.toString(gainGru));
        m.put("gru_strength", Integer.toString(strengthGru));
        m.put("parameters", Long.toString(parameterCount()));
        return m;
    }

    /** Reads the widths back from weight-file metadata. */
    public static NetworkShape fromMetadata(Map<String, String> m) {
        try {
            int[] grus = Arrays.stream(m.get("gru").split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            return new NetworkShape(i(m, "dense_in"), i(m, "conv1"), i(m, "conv1_kernel"), i(m, "conv2"),
                    i(m, "conv2_kernel"), grus, i(m, "gru_gain"), i(m, "gru_strength"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("weight file metadata does not describe the network widths: " + e.getMessage(), e);
        }
    }

    private static int i(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing \"" + key + "\"");
        }
        return Integer.parseInt(v.trim());
    }

    @Override
    public String toString() {
        return "dense " + dense + ", conv " + conv1 + "(k" + conv1Kernel + ")/" + conv2 + "(k" + conv2Kernel + "), gru "
                + Arrays.stream(grus).mapToObj(Integer::toString).collect(Collectors.joining("/")) + ", gain gru "
                + gainGru + ", strength gru " + strengthGru;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkShape s && s.dense == dense && s.conv1 == conv1 && s.conv1Kernel == conv1Kernel
                && s.conv2 == conv2 && s.conv2Kernel == conv2Kernel && Arrays.equals(s.grus, grus)
                && s.gainGru == gainGru && s.strengthGru == strengthGru;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(grus) * 31 + dense * 7 + conv1 * 5 + conv2 * 3 + gainGru + strengthGru;
    }
}
