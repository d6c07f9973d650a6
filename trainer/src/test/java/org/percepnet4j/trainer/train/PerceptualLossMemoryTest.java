package org.percepnet4j.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The loss's backward pass must not read memory the JVM may already have freed. DJL's {@code Number} overloads
 * ({@code x.mul(10f)}) put the number in a tensor over a Java direct buffer and drop the buffer straight after the
 * operation, while the autograd graph keeps the tensor; a collection between the forward and the backward pass
 * then hands the memory to someone else. This test does exactly that, filling recycled memory with NaN, and
 * demands the same gradient as without it.
 */
class PerceptualLossMemoryTest {

    private static final int BANDS = NetworkShape.BANDS;
    private static final int FRAMES = 8;
    private static final int POISON_BUFFERS = 20_000;

    @BeforeAll
    static void offline() {
        System.setProperty("ai.djl.offline", "true");
    }

    @Test
    void backwardPassIsUnaffectedByJavaMemoryFreedAfterTheForwardPass() throws InterruptedException {
        Random rng = new Random(7);
        int n = FRAMES * BANDS;
        float[] gains = new float[n];
        float[] strengths = new float[n];
        float[] gainTargets = new float[n];
        float[] strengthTargets = new float[n];
        for (int i = 0; i < n; i++) {
            gains[i] = 0.05f + 0.9f * rng.nextFloat();
            strengths[i] = 0.05f + 0.9f * rng.nextFloat();
            gainTargets[i] = rng.nextFloat();
            strengthTargets[i] = rng.nextFloat();
        }
        float[][] undisturbed = gradients(gains, strengths, gainTargets, strengthTargets, false);
        float[][] recycled = gradients(gains, strengths, gainTargets, strengthTargets, true);
        assertThat(undisturbed[0]).doesNotContain(0f);
        assertThat(recycled[0]).as("gain gradient").containsExactly(undisturbed[0]);
        assertThat(recycled[1]).as("strength gradient").containsExactly(undisturbed[1]);
    }

    private static float[][] gradients(float[] gains, float[] strengths, float[] gainTargets, float[] strengthTargets,
                                       boolean recycleBeforeBackward) throws InterruptedException {
        Shape s = new Shape(1, FRAMES, BANDS);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray g = TrainingRun.owned(m.create(gains, s));
            NDArray r = TrainingRun.owned(m.create(strengths, s));
            g.setRequiresGradient(true);
            r.setRequiresGradient(true);
            NDList labels = new NDList(TrainingRun.owned(m.create(gainTargets, s)),
                    TrainingRun.owned(m.create(strengthTargets, s)), m.ones(s));
            List<ByteBuffer> poison = List.of();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = new PerceptualLoss().evaluate(labels, new NDList(g, r));
                if (recycleBeforeBackward) {
                    poison = recycleDirectMemory();
                }
                gc.backward(loss);
            }
            // The NaN blocks must stay allocated until the backward pass has run.
            Reference.reachabilityFence(poison);
            return new float[][] {g.getGradient().toFloatArray(), r.getGradient().toFloatArray()};
        }
    }

    /**
     * Lets the JVM free every unreachable direct buffer, then takes small blocks back from the allocator and fills
     * them with NaN.
     */
    private static List<ByteBuffer> recycleDirectMemory() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        List<ByteBuffer> blocks = new ArrayList<>(POISON_BUFFERS);
        for (int i = 0; i < POISON_BUFFERS; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4 << (i % 3)).order(ByteOrder.nativeOrder());
            for (int j = 0; j + 4 <= b.capacity(); j += 4) {
                b.putFloat(j, Float.NaN);
            }
            blocks.add(b);
        }
        return blocks;
    }
}
