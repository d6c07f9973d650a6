package org.percepnet4j.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.ui.ParameterControlModel.Granularity;

class ParameterControlModelTest {

    private final FakeEditorModel model = new FakeEditorModel();

    @Test
    void positionFollowsTheParameterRangeLinearly() {
        ParameterControlModel c = new ParameterControlModel(model, Parameter.SUPPRESSION);
        model.set(Parameter.SUPPRESSION, 25);
        assertThat(c.position()).isCloseTo(0.25, within(1e-9));
        assertThat(c.text()).isEqualTo("25.0 dB");
    }

    @Test
    void bipolarOutputGainFillsFromZeroDecibels() {
        assertThat(new ParameterControlModel(model, Parameter.OUTPUT_GAIN).originPosition())
                .isCloseTo(24.0 / 36.0, within(1e-9));
        assertThat(new ParameterControlModel(model, Parameter.SUPPRESSION).originPosition()).isZero();
    }

    @Test
    void arrowStepsAreRoundAndFineStepsAreSmaller() {
        ParameterControlModel gain = new ParameterControlModel(model, Parameter.OUTPUT_GAIN);
        assertThat(gain.increment(Granularity.NORMAL)).isEqualTo(0.5);
        assertThat(gain.increment(Granularity.FINE)).isCloseTo(0.1, within(1e-12));
        assertThat(gain.increment(Granularity.PAGE)).isEqualTo(5.0);
        gain.step(3, Granularity.NORMAL);
        assertThat(model.get(Parameter.OUTPUT_GAIN)).isCloseTo(1.5, within(1e-9));
        gain.step(-2, Granularity.FINE);
        assertThat(model.get(Parameter.OUTPUT_GAIN)).isCloseTo(1.3, within(1e-9));
        assertThat(gain.text()).isEqualTo("1.3 dB");

        ParameterControlModel strength = new ParameterControlModel(model, Parameter.SUPPRESSION);
        assertThat(strength.increment(Granularity.NORMAL)).isEqualTo(1.0);
        assertThat(strength.increment(Granularity.FINE)).isEqualTo(0.5);
    }

    @Test
    void steppedLookaheadMovesOneHopPerStepAndStaysInRange() {
        ParameterControlModel la = new ParameterControlModel(model, Parameter.LOOKAHEAD);
        assertThat(model.get(Parameter.LOOKAHEAD)).isEqualTo(20.0);
        la.step(1, Granularity.NORMAL);
        assertThat(model.get(Parameter.LOOKAHEAD)).isEqualTo(20.0);
        la.step(-1, Granularity.FINE);
        assertThat(model.get(Parameter.LOOKAHEAD)).isEqualTo(10.0);
        la.step(-5, Granularity.PAGE);
        assertThat(model.get(Parameter.LOOKAHEAD)).isEqualTo(0.0);
    }

    @Test
    void dragAcrossTheWholeTrackCoversTheWholeRange() {
        ParameterControlModel c = new ParameterControlModel(model, Parameter.POST_FILTER);
        model.set(Parameter.POST_FILTER, 0);
        c.beginDrag();
        c.dragBy(200, 200, false);
        c.endDrag();
        assertThat(model.get(Parameter.POST_FILTER)).isEqualTo(100.0);
    }

    @Test
    void fineDragMovesTenTimesSlower() {
        ParameterControlModel c = new ParameterControlModel(model, Parameter.SUPPRESSION);
        model.set(Parameter.SUPPRESSION, 40);
        c.beginDrag();
        c.dragBy(20, 200, false);
        assertThat(model.get(Parameter.SUPPRESSION)).isCloseTo(50.0, within(1e-9));
        c.dragBy(20, 200, true);
        assertThat(model.get(Parameter.SUPPRESSION)).isCloseTo(51.0, within(1e-9));
        c.endDrag();
        assertThat(model.gestures).containsExactly("begin suppression", "end suppression");
    }

    @Test
    void slowDragsOverASteppedParameterAccumulateInsteadOfSticking() {
        ParameterControlModel la = new ParameterControlModel(model, Parameter.LOOKAHEAD);
        model.set(Parameter.LOOKAHEAD, 0);
        la.beginDrag();
        for (int i = 0; i < 40; i++) {
            la.dragBy(1, 100, false); // each move alone is far below half a step
        }
        la.endDrag();
        assertThat(model.get(Parameter.LOOKAHEAD)).isEqualTo(10.0);
    }

    @Test
    void pressOnTheTrackJumpsThere() {
        ParameterControlModel c = new ParameterControlModel(model, Parameter.SUPPRESSION);
        c.beginDragAt(0.75);
        c.endDrag();
        assertThat(model.get(Parameter.SUPPRESSION)).isEqualTo(75.0);
    }

    @Test
    void resetReturnsToTheDefaultAsOneGesture() {
        ParameterControlModel c = new ParameterControlModel(model, Parameter.OUTPUT_GAIN);
        model.set(Parameter.OUTPUT_GAIN, -7.3);
        assertThat(c.isDefault()).isFalse();
        c.reset();
        assertThat(model.get(Parameter.OUTPUT_GAIN)).isEqualTo(Parameter.OUTPUT_GAIN.defaultValue());
        assertThat(c.isDefault()).isTrue();
        assertThat(model.gestures).containsExactly("begin outputGain", "end outputGain");
    }

    @Test
    void typedTextIsParsedInTheParameterUnits() {
        ParameterControlModel c = new ParameterControlModel(model, Parameter.SUPPRESSION);
        c.setText("18 dB");
        assertThat(model.get(Parameter.SUPPRESSION)).isEqualTo(18.0);
        c.setText("250");
        assertThat(model.get(Parameter.SUPPRESSION)).isEqualTo(100.0);
        assertThatThrownBy(() -> c.setText("loud")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Suppression");
        assertThat(model.get(Parameter.SUPPRESSION)).isEqualTo(100.0);
    }

    @Test
    void minimumAndMaximumKeysGoToTheEnds() {
        ParameterControlModel c = new ParameterControlModel(model, Parameter.OUTPUT_GAIN);
        c.toMinimum();
        assertThat(model.get(Parameter.OUTPUT_GAIN)).isEqualTo(-24.0);
        c.toMaximum();
        assertThat(model.get(Parameter.OUTPUT_GAIN)).isEqualTo(12.0);
    }

    @Test
    void niceIncrementsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(ParameterControlModel.niceIncrement(0.36)).isEqualTo(0.5);
        assertThat(ParameterControlModel.niceIncrement(1.0)).isEqualTo(1.0);
        assertThat(ParameterControlModel.niceIncrement(1.3)).isEqualTo(2.0);
        assertThat(ParameterControlModel.niceIncrement(0.07)).isCloseTo(0.1, within(1e-12));
    }
}
