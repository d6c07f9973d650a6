package org.percepnet4j.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void warmsUpLinearlyOverTheFirstHundredSteps() {
        var s = new LearningRateSchedule(1e-3, 2500, 0);
        assertThat(s.rate(0, 0)).isCloseTo(1e-5, within(1e-12));
        assertThat(s.rate(49, 0)).isCloseTo(5e-4 * Math.pow(0.5, 49 / 2500.0), within(1e-12));
    }

    @Test
    void inStepsTheRateHalvesEveryHalfLifeWhateverTheTime() {
        var s = new LearningRateSchedule(1e-3, 2500, 0);
        assertThat(s.rate(2499, 0.1)).isCloseTo(s.rate(2499, 0.9), within(1e-15));
        assertThat(s.rate(5099, 0.5) / s.rate(2599, 0.5)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void overTheBudgetTheRateHalvesTheGivenNumberOfTimesWhateverTheStepCount() {
        var s = new LearningRateSchedule(1e-3, 2500, 2.6);
        // A slow machine at step 4,000 and a fast one at step 16,000 have the same rate at the end of the budget.
        assertThat(s.rate(4000, 1.0)).isCloseTo(s.rate(16000, 1.0), within(1e-15)).isCloseTo(1e-3 * Math.pow(0.5, 2.6), within(1e-12));
        assertThat(s.rate(2000, 0.5)).isCloseTo(1e-3 * Math.pow(0.5, 1.3), within(1e-12));
        // Past the budget (a resumed run) it stays at its final value.
        assertThat(s.rate(9000, 1.4)).isEqualTo(s.rate(9000, 1.0));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new LearningRateSchedule(0, 2500, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LearningRateSchedule(1e-3, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LearningRateSchedule(1e-3, 2500, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
