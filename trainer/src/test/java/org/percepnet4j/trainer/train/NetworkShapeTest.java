package org.percepnet4j.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkShapeTest {

    @Test
    void widthsRoundTripThroughWeightFileMetadata() {
        NetworkShape s = new NetworkShape(96, 128, 5, 128, 3, new int[] {128, 128}, 96, 48);
        assertThat(NetworkShape.fromMetadata(s.metadata())).isEqualTo(s);
        assertThat(s.metadata()).containsEntry("gru", "128,128").containsEntry("gru_layers", "2");
    }

    @Test
    void parameterCountAddsUpEveryLayer() {
        NetworkShape s = new NetworkShape(96, 128, 5, 128, 3, new int[] {128, 128}, 96, 48);
        assertThat(s.parameterCount()).isEqualTo(442_980L); // what the engine reports for the same file
    }

    @Test
    void badWidthsAreRejected() {
        assertThatThrownBy(() -> new NetworkShape(0, 1, 5, 1, 3, new int[] {1}, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetworkShape.fromMetadata(Map.of("dense_in", "x")))
                .hasMessageContaining("network widths");
    }
}
