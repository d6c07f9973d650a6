package org.percepnet4j.engine.nn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.GainPredictor;
import org.percepnet4j.engine.dsp.CombFilter;

/**
 * The PercepNet network, read from a weight file ({@link WeightFile}) and run in plain Java:
 * <pre>
 *   features (70) → normalise → dense_in (tanh) → conv1 (causal, tanh) → conv2 (causal, tanh)
 *     → gru1 … gruN
 *     gain head:     gru_gain on gruN; gain_out = σ(dense over [conv2, gru1 … gruN, gru_gain]) → 34 gains
 *     strength head: gru_strength on [conv2, gruN]; strength_out = σ(dense) → 34 strengths
 * </pre>
 * Widths come from the tensor shapes; the metadata must declare {@code format = percepnet4j-gain-model},
 * {@code format_version = 1} and {@code gru_layers}. Tensor names and layouts are PyTorch's
 * ({@code gru1.weight_ih} [3H, in] with gates r, z, n; {@code conv1.weight} [out, in, k]; {@code dense_in.weight}
 * [out, in]); {@code feature_mean} and {@code feature_scale} [70] normalise the input as (x − mean)·scale.
 * Optional {@code comb_past_reach}: the one-sided comb at zero look-ahead the network was trained with, in samples
 * ({@link GainModel#pastCombReach}; absent = 0, none).
 *
 * <p>Immutable and shareable: every stream gets its own predictor holding the recurrent state.
 */
public final class NeuralGainModel implements GainModel {

    public static final String FORMAT = "percepnet4j-gain-model";
    public static final String FORMAT_VERSION = "1";

    private final String name;
    private final Map<String, String> metadata;
    final float[] featureMean;
    final float[] featureScale;
    final Dense denseIn;
    final CausalConv1d conv1;
    final CausalConv1d conv2;
    final Gru[] grus;
    final Gru gainGru;
    final Dense gainOut;
    final Gru strengthGru;
    final Dense strengthOut;
    /** Optional map of the gains after the sigmoid; null: none. */
    final GainCalibration gainCalibration;
    private final int pastCombReach;

    /** Metadata key of {@link #pastCombReach()}. */
    public static final String PAST_COMB_REACH_KEY = "comb_past_reach";

    private NeuralGainModel(WeightFile file) throws WeightFileException {
        this.metadata = file.metadata();
        String format = file.requireMetadata("format");
        String version = file.requireMetadata("format_version");
        if (!FORMAT.equals(format) || !FORMAT_VERSION.equals(version)) {
            throw new WeightFileException("weight file format \"" + format + "\" version " + version
                    + " is not " + FORMAT + " version " + FORMAT_VERSION);
        }
        this.name = metadata.getOrDefault("name", "percepnet4j-unnamed");
        int f = GainPredictor.FEATURES;
        int bands = GainPredictor.BANDS;
        this.featureMean = file.tensor("feature_mean", f).data().clone();
        this.featureScale = file.tensor("feature_scale", f).data().clone();
        this.denseIn = dense(file, "dense_in");
        expectInputs("dense_in", denseIn.inputs(), f);
        this.conv1 = conv(file, "conv1");
        expectInputs("conv1", conv1.inputs(), denseIn.outputs());
        this.conv2 = conv(file, "conv2");
        expectInputs("conv2", conv2.inputs(), conv1.outputs());
        int layers = file.requirePositiveInt("gru_layers");
        this.grus = new Gru[layers];
        int width = conv2.outputs();
        int concatWidth = conv2.outputs();
        for (int i = 0; i < layers; i++) {
            grus[i] = gru(file, "gru" + (i + 1));
            expectInputs("gru" + (i + 1), grus[i].inputs(), width);
            width = grus[i].hidden();
            concatWidth += width;
        }
        this.gainGru = gru(file, "gru_gain");
        expectInputs("gru_gain", gainGru.inputs(), width);
        this.gainOut = dense(file, "gain_out");
        expectInputs("gain_out", gainOut.inputs(), concatWidth + gainGru.hidden());
        expectOutputs("gain_out", gainOut.outputs(), bands);
        this.strengthGru = gru(file, "gru_strength");
        expectInputs("gru_strength", strengthGru.inputs(), conv2.outputs() + width);
        this.strengthOut = dense(file, "strength_out");
        expectInputs("strength_out", strengthOut.inputs(), strengthGru.hidden());
        expectOutputs("strength_out", strengthOut.outputs(), bands);
        this.gainCalibration = GainCalibration.read(file);
        this.pastCombReach = pastCombReach(metadata);
    }

    /** The {@link #PAST_COMB_REACH_KEY} of a weight file's metadata, checked; 0 when absent. */
    public static int pastCombReach(Map<String, String> metadata) throws WeightFileException {
        String value = metadata.get(PAST_COMB_REACH_KEY);
        if (value == null) {
            return 0;
        }
        try {
            int samples = Integer.parseInt(value.trim());
            if (samples >= 0 && samples <= CombFilter.MAX_PAST_REACH) {
                return samples;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new WeightFileException("metadata \"" + PAST_COMB_REACH_KEY + "\" = \"" + value
                + "\" is not a number of samples from 0 to " + CombFilter.MAX_PAST_REACH);
    }

    /** Reads a weight file from disk. */
    public static NeuralGainModel read(Path path) throws IOException {
        try {
            return new NeuralGainModel(WeightFile.read(path));
        } catch (WeightFileException e) {
            throw e.getMessage().startsWith(path.toString()) ? e : new WeightFileException(path + ": " + e.getMessage());
        }
    }

    /** Reads a weight file from a stream (not closed here). */
    public static NeuralGainModel read(InputStream in) throws IOException {
        return new NeuralGainModel(WeightFile.read(in));
    }

    /** Builds the model from an already parsed weight file. */
    public static NeuralGainModel of(WeightFile file) throws WeightFileException {
        return new NeuralGainModel(file);
    }

    private static Dense dense(WeightFile file, String layer) throws WeightFileException {
        Tensor w = tensor(file, layer + ".weight");
        return new Dense(w, tensor(file, layer + ".bias"));
    }

    private static CausalConv1d conv(WeightFile file, String layer) throws WeightFileException {
        return new CausalConv1d(tensor(file, layer + ".weight"), tensor(file, layer + ".bias"));
    }

    private static Gru gru(WeightFile file, String layer) throws WeightFileException {
        return new Gru(tensor(file, layer + ".weight_ih"), tensor(file, layer + ".weight_hh"),
                tensor(file, layer + ".bias_ih"), tensor(file, layer + ".bias_hh"));
    }

    private static Tensor tensor(WeightFile file, String name) throws WeightFileException {
        Tensor t = file.tensors().get(name);
        if (t == null) {
            throw new WeightFileException("tensor \"" + name + "\" missing from the weight file");
        }
        return t;
    }

    private static void expectInputs(String layer, int actual, int expected) throws WeightFileException {
        if (actual != expected) {
            throw new WeightFileException(layer + " takes " + actual + " inputs but the layer before gives " + expected);
        }
    }

    private static void expectOutputs(String layer, int actual, int expected) throws WeightFileException {
        if (actual != expected) {
            throw new WeightFileException(layer + " gives " + actual + " outputs, expected " + expected);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public GainPredictor newPredictor() {
        return new NeuralGainPredictor(this);
    }

    @Override
    public int pastCombReach() {
        return pastCombReach;
    }

    /** The weight file's metadata (widths, training command, data hash, ...). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The gain calibration stored with the weights, or null when the gains are used as the network gives them. */
    public GainCalibration gainCalibration() {
        return gainCalibration;
    }

    /** Total number of weights and biases. */
    public int parameterCount() {
        int n = denseIn.parameterCount() + conv1.parameterCount() + conv2.parameterCount() + gainGru.parameterCount()
                + gainOut.parameterCount() + strengthGru.parameterCount() + strengthOut.parameterCount();
        for (Gru g : grus) {
            n += g.parameterCount();
        }
        return n;
    }

    /** A one-line description of the layer widths, e.g. "dense 128, conv 192/192, gru 160x2, gain 128, strength 64". */
    public String describe() {
        List<String> widths = new ArrayList<>();
        for (Gru g : grus) {
            widths.add(Integer.toString(g.hidden()));
        }
        return "dense " + denseIn.outputs() + ", conv " + conv1.outputs() + "(k" + conv1.kernel() + ")/"
                + conv2.outputs() + "(k" + conv2.kernel() + "), gru " + String.join("/", widths) + ", gain gru "
                + gainGru.hidden() + ", strength gru " + strengthGru.hidden() + "; " + parameterCount() + " parameters"
                + (gainCalibration != null ? "; calibrated gains" : "")
                + (pastCombReach > 0 ? "; one-sided comb at 0 ms, " + pastCombReach + " samples" : "");
    }
}
