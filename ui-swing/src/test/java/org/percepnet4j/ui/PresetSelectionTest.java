package org.percepnet4j.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.percepnet4j.engine.Parameter;

class PresetSelectionTest {

    private final FakeEditorModel model = new FakeEditorModel();
    private final PresetEntry gentle = new PresetEntry("Voice-over booth (gentle)", "light touch", true,
            Map.of(Parameter.SUPPRESSION, 12.0, Parameter.POST_FILTER, 50.0, Parameter.LOOKAHEAD, 10.0));

    @Test
    void choosingAPresetSetsEveryValueItHoldsAndNothingElse() {
        model.set(Parameter.BYPASS, 1);
        PresetSelection sel = new PresetSelection(model);
        sel.choose(gentle);
        assertThat(model.get(Parameter.SUPPRESSION)).isEqualTo(12.0);
        assertThat(model.get(Parameter.POST_FILTER)).isEqualTo(50.0);
        assertThat(model.get(Parameter.LOOKAHEAD)).isEqualTo(10.0);
        assertThat(model.get(Parameter.BYPASS)).isEqualTo(1.0);
        assertThat(model.gestures).contains("begin suppression", "end suppression");
        assertThat(sel.selected()).isSameAs(gentle);
        assertThat(sel.modified()).isFalse();
    }

    @Test
    void editingAValueMarksThePresetModified() {
        PresetSelection sel = new PresetSelection(model);
        sel.choose(gentle);
        new ParameterControlModel(model, Parameter.SUPPRESSION).step(1, ParameterControlModel.Granularity.NORMAL);
        assertThat(sel.modified()).isTrue();
        assertThat(sel.status()).isEqualTo("modified");
        model.set(Parameter.SUPPRESSION, 12);
        assertThat(sel.modified()).isFalse();
    }

    @Test
    void presetValuesAreSanitisedOnConstruction() {
        PresetEntry wild = new PresetEntry("wild", null, false,
                Map.of(Parameter.SUPPRESSION, 500.0, Parameter.LOOKAHEAD, 13.0, Parameter.OUTPUT_GAIN, Double.NaN));
        assertThat(wild.values()).containsEntry(Parameter.SUPPRESSION, 100.0)
                .containsEntry(Parameter.LOOKAHEAD, 10.0)
                .containsEntry(Parameter.OUTPUT_GAIN, 0.0);
        assertThat(wild.description()).isEmpty();
        assertThat(wild.toString()).isEqualTo("wild (user)");
    }
}
