package org.percepnet4j.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import org.percepnet4j.engine.nn.NeuralGainModel;
import org.percepnet4j.engine.nn.Tensor;
import org.percepnet4j.engine.nn.WeightFile;
import org.percepnet4j.engine.nn.WeightFileException;
import org.percepnet4j.engine.nn.WeightFileWriter;

/** Moves parameters between the DJL network and the weight-file format the engine reads. */
public final class ModelExporter {

    private ModelExporter() {
    }

    /** The complete weight file: format tags, widths, the given metadata, normaliser and every parameter. */
    public static WeightFileWriter toWeightFile(PercepNetBlock block, FeatureNormalizer norm, Map<String, String> metadata) {
        WeightFileWriter w = new WeightFileWriter()
                .metadata("format", NeuralGainModel.FORMAT)
                .metadata("format_version", NeuralGainModel.FORMAT_VERSION)
                .metadata(block.shape().metadata())
                .metadata(metadata);
        w.tensor("feature_mean", norm.mean(), NetworkShape.FEATURES);
        w.tensor("feature_scale", norm.scale(), NetworkShape.FEATURES);
        for (Map.Entry<String, Parameter> e : block.exportTensors().entrySet()) {
            NDArray a = e.getValue().getArray();
            w.tensor(e.getKey(), a.toFloatArray(), Arrays.stream(a.getShape().getShape()).mapToInt(Math::toIntExact).toArray());
        }
        return w;
    }

    /** Copies the tensors of a weight file (a checkpoint) into an initialised network of the same widths. */
    public static FeatureNormalizer loadInto(PercepNetBlock block, WeightFile file) throws WeightFileException {
        for (Map.Entry<String, Parameter> e : block.exportTensors().entrySet()) {
            NDArray a = e.getValue().getArray();
            int[] shape = Arrays.stream(a.getShape().getShape()).mapToInt(Math::toIntExact).toArray();
            Tensor t = file.tensor(e.getKey(), shape);
            a.set(FloatBuffer.wrap(t.data()));
        }
        return new FeatureNormalizer(file.tensor("feature_mean", NetworkShape.FEATURES).data(),
                file.tensor("feature_scale", NetworkShape.FEATURES).data());
    }

    /**
     * Golden vectors for the engine test: raw features of one sequence and what the DJL forward pass (inference
     * mode, zero initial state) makes of them.
     */
    public static WeightFileWriter golden(PercepNetBlock block, FeatureNormalizer norm, float[][] rawFeatures,
                                          NDManager manager, Map<String, String> metadata) {
        int t = rawFeatures.length;
        int f = NetworkShape.FEATURES;
        float[] raw = new float[t * f];
        for (int i = 0; i < t; i++) {
            System.arraycopy(rawFeatures[i], 0, raw, i * f, f);
        }
        float[] normalised = norm.applyToRows(raw);
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.create(normalised, new Shape(1, t, f));
            NDList out = block.forward(new ParameterStore(m, false), new NDList(x), false);
            return new WeightFileWriter().metadata(metadata)
                    .tensor("features", raw, t, f)
                    .tensor("gains", out.get(0).toFloatArray(), t, NetworkShape.BANDS)
                    .tensor("strengths", out.get(1).toFloatArray(), t, NetworkShape.BANDS);
        }
    }
}
