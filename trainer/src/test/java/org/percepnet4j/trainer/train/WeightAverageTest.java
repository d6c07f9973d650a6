package org.percepnet4j.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightAverageTest {

    private static Map<String, Parameter> network(NDManager m, Shape shape) {
        Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
        p.setArray(m.zeros(shape));
        p.getArray().setRequiresGradient(true);
        return Map.of("w", p);
    }

    @Test
    void followsTheLiveWeightsWithTheRampedDecayAndNeverWritesThem() {
        System.setProperty("ai.djl.offline", "true");
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, Parameter> liveNet = network(m, new Shape(2));
            Map<String, Parameter> averageNet = network(m, new Shape(2));
            NDArray live = liveNet.get("w").getArray();
            WeightAverage avg = new WeightAverage(liveNet, averageNet, 0.9, 0);
            double expected = 0;
            for (int step = 1; step <= 60; step++) {
                live.addi(1f); // an optimiser step: in place
                avg.update();
                double d = Math.min(0.9, step / (9.0 + step));
                expected = expected * d + step * (1 - d);
                assertThat(averageNet.get("w").getArray().toFloatArray()[1]).as("average after step %d", step)
                        .isCloseTo((float) expected, within(1e-3f));
                assertThat(live.toFloatArray()).as("live weights after step %d", step).containsExactly(step, step);
            }
            assertThat(avg.updates()).isEqualTo(60);
            assertThat(liveNet.get("w").getArray()).isSameAs(live);
        }
    }

    @Test
    void startsAtTheLiveWeights() {
        System.setProperty("ai.djl.offline", "true");
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, Parameter> liveNet = network(m, new Shape(2));
            Map<String, Parameter> averageNet = network(m, new Shape(2));
            liveNet.get("w").getArray().addi(5f);
            new WeightAverage(liveNet, averageNet, 0.9, 0).startAtLiveWeights();
            assertThat(averageNet.get("w").getArray().toFloatArray()).containsExactly(5f, 5f);
            liveNet.get("w").getArray().addi(1f);
            assertThat(averageNet.get("w").getArray().toFloatArray()).as("a copy, not shared").containsExactly(5f, 5f);
        }
    }

    @Test
    void rejectsMismatchedNetworksAndDecays() {
        System.setProperty("ai.djl.offline", "true");
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, Parameter> a = network(m, new Shape(2));
            assertThatThrownBy(() -> new WeightAverage(a, network(m, new Shape(3)), 0.9, 0))
                    .hasMessageContaining("shapes");
            assertThatThrownBy(() -> new WeightAverage(a, network(m, new Shape(2)), 1.0, 0))
                    .hasMessageContaining("decay");
        }
    }
}
