package org.percepnet4j.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.percepnet4j.engine.MeterSnapshot;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.engine.Processor;
import org.percepnet4j.ui.ConstantGainModel;

class AppEditorModelTest {

    private final AtomicInteger changes = new AtomicInteger();
    private final AppEditorModel model = new AppEditorModel(null, changes::incrementAndGet);

    @Test
    void settingsStartAtTheDefaultsAndAreSanitised() {
        assertThat(model.settings()).hasSize(Parameter.values().length)
                .containsEntry(Parameter.SUPPRESSION, Parameter.SUPPRESSION.defaultValue());
        model.set(Parameter.LOOKAHEAD, 13);
        assertThat(model.get(Parameter.LOOKAHEAD)).isEqualTo(10.0);
        assertThat(changes.get()).isEqualTo(1);
        model.set(Parameter.LOOKAHEAD, 10);
        assertThat(changes.get()).isEqualTo(1); // no change, no notification
    }

    @Test
    void editsReachThePlaybackMonitorButNeverARenderInProgress() {
        Processor render = new Processor(new ConstantGainModel(1f));
        Processor monitor = new Processor(new ConstantGainModel(1f));
        model.meterSource(render);
        model.set(Parameter.SUPPRESSION, 12);
        assertThat(render.getParameter(Parameter.SUPPRESSION)).isEqualTo(Parameter.SUPPRESSION.defaultValue());
        model.monitor(monitor);
        model.set(Parameter.SUPPRESSION, 18);
        assertThat(monitor.getParameter(Parameter.SUPPRESSION)).isEqualTo(18.0);
        model.release(render); // no longer attached: releasing it leaves the monitor in place
        model.set(Parameter.SUPPRESSION, 20);
        assertThat(monitor.getParameter(Parameter.SUPPRESSION)).isEqualTo(20.0);
    }

    @Test
    void withoutAProcessorTheMetersAreLeftAlone() {
        MeterSnapshot s = new MeterSnapshot();
        s.sequence = 7;
        model.readMeters(s);
        assertThat(s.sequence).isEqualTo(7);
        assertThat(model.presets()).isEmpty();
        assertThat(model.canSavePresets()).isFalse();
    }
}
