package org.percepnet4j.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The loss must back-propagate finite gradients even where the sigmoid heads saturate to exactly 0 or 1. */
class PerceptualLossGradientTest {

    @BeforeAll
    static void offline() {
        System.setProperty("ai.djl.offline", "true");
    }

    @Test
    void gradientIsFiniteForSaturatedPredictionsAndExtremeTargets() {
        float[] logits = {-200f, -90f, -30f, -5f, 0f, 5f, 30f, 90f, 200f};
        float[] targets = {0f, 1e-9f, 0.5f, 1f};
        int n = logits.length * targets.length;
        float[] z = new float[n];
        float[] t = new float[n];
        for (int i = 0; i < logits.length; i++) {
            for (int j = 0; j < targets.length; j++) {
                z[i * targets.length + j] = logits[i];
                t[i * targets.length + j] = targets[j];
            }
        }
        for (float mask : new float[] {0f, 1f}) {
            try (NDManager m = NDManager.newBaseManager()) {
                Shape s = new Shape(1, 1, n);
                // Memory PyTorch owns, as in training: arrays over DJL's Java buffers gave spurious non-finite
                // gradients now and then when other training had run in the same JVM (TrainingRun.owned).
                NDArray gainLogits = TrainingRun.owned(m.create(z, s));
                NDArray strengthLogits = TrainingRun.owned(m.create(z, s));
                gainLogits.setRequiresGradient(true);
                strengthLogits.setRequiresGradient(true);
                NDList labels = new NDList(TrainingRun.owned(m.create(t, s)), TrainingRun.owned(m.create(t, s)), m.full(s, mask));
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDList pred = new NDList(Activation.sigmoid(gainLogits), Activation.sigmoid(strengthLogits));
                    NDArray loss = new PerceptualLoss().evaluate(labels, pred);
                    assertThat(loss.getFloat()).isFinite();
                    gc.backward(loss);
                }
                for (float g : gainLogits.getGradient().toFloatArray()) {
                    assertThat(g).as("gain gradient, mask %s", mask).isFinite();
                }
                for (float g : strengthLogits.getGradient().toFloatArray()) {
                    assertThat(g).as("strength gradient, mask %s", mask).isFinite();
                }
            }
        }
    }
}
