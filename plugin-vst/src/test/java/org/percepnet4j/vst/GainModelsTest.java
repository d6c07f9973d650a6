package org.percepnet4j.vst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.percepnet4j.vst.testing.DeterministicGainModel;

class GainModelsTest {

    @Test
    void aTestBundleNamesItsModelClass() {
        assertThat(GainModels.resolve(DeterministicGainModel.class.getName())).isInstanceOf(DeterministicGainModel.class);
    }

    @Test
    void aWrongTestModelIsAClearError() {
        assertThatThrownBy(() -> GainModels.resolve("org.example.Missing"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("org.example.Missing");
        assertThatThrownBy(() -> GainModels.resolve(String.class.getName()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a GainModel");
    }
}
