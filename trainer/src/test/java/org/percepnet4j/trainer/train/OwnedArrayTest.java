package org.percepnet4j.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Training inputs are copied out of the Java buffer DJL wraps, and the wrapper is released at once. */
class OwnedArrayTest {

    @Test
    void theCopyHoldsTheSameValuesAndTheJavaBackedArrayIsReleased() {
        System.setProperty("ai.djl.offline", "true");
        float[] data = {1f, -2f, 3.5f, Float.MIN_NORMAL, 1e30f, 0f};
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray wrapped = m.create(data, new Shape(2, 3));
            NDArray owned = TrainingRun.owned(wrapped);
            assertThat(wrapped.isReleased()).isTrue();
            assertThat(owned.getShape()).isEqualTo(new Shape(2, 3));
            assertThat(owned.toFloatArray()).containsExactly(data);
        }
    }
}
