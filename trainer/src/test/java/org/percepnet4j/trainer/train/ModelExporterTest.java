package org.percepnet4j.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.nn.Parameter;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.percepnet4j.engine.GainPredictor;
import org.percepnet4j.engine.nn.NeuralGainModel;
import org.percepnet4j.engine.nn.Tensor;
import org.percepnet4j.engine.nn.WeightFile;

class ModelExporterTest {

    private static final NetworkShape TINY = new NetworkShape(24, 20, 5, 18, 3, new int[] {16, 12}, 10, 8);

    @Test
    void engineForwardPassMatchesDjlOnExportedWeights() throws Exception {
        System.setProperty("ai.djl.offline", "true");
        try (NDManager manager = NDManager.newBaseManager()) {
            PercepNetBlock block = new PercepNetBlock(TINY);
            // larger than default weights so every nonlinearity leaves its linear region
            block.setInitializer(new NormalInitializer(0.3f), Parameter.Type.WEIGHT);
            block.setInitializer(new NormalInitializer(0.3f), Parameter.Type.BIAS);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 8, NetworkShape.FEATURES));
            Random rng = new Random(2);
            float[][] frames = new float[60][NetworkShape.FEATURES];
            for (float[] fr : frames) {
                for (int i = 0; i < fr.length; i++) {
                    fr[i] = (float) (rng.nextGaussian() * 3 + 1);
                }
            }
            FeatureNormalizer norm = FeatureNormalizer.fit(java.util.List.<float[][]>of(frames));
            byte[] weights = ModelExporter.toWeightFile(block, norm, Map.of("name", "tiny-test")).toBytes();
            WeightFile golden = WeightFile.parse(ModelExporter.golden(block, norm, frames, manager, Map.of()).toBytes());

            NeuralGainModel model = NeuralGainModel.of(WeightFile.parse(weights));
            assertThat(model.parameterCount()).isEqualTo(TINY.parameterCount());
            GainPredictor p = model.newPredictor();
            Tensor g = golden.tensor("gains", 60, 34);
            Tensor s = golden.tensor("strengths", 60, 34);
            float[] gains = new float[34];
            float[] strengths = new float[34];
            double spread = 0;
            for (int t = 0; t < 60; t++) {
                p.predict(frames[t], gains, strengths);
                for (int b = 0; b < 34; b++) {
                    assertThat(gains[b]).as("gain t=%d b=%d", t, b).isCloseTo(g.data()[t * 34 + b], within(1e-4f));
                    assertThat(strengths[b]).as("strength t=%d b=%d", t, b).isCloseTo(s.data()[t * 34 + b], within(1e-4f));
                    spread += Math.abs(g.data()[t * 34 + b] - 0.5);
                }
            }
            assertThat(spread / (60 * 34)).as("outputs are not all stuck at 0.5").isGreaterThan(0.05);

            // and a checkpoint round trip restores the same network
            PercepNetBlock copy = new PercepNetBlock(TINY);
            copy.initialize(manager, DataType.FLOAT32, new Shape(1, 8, NetworkShape.FEATURES));
            ModelExporter.loadInto(copy, WeightFile.parse(weights));
            assertThat(ModelExporter.toWeightFile(copy, norm, Map.of("name", "tiny-test")).toBytes()).isEqualTo(weights);
        }
    }
}
