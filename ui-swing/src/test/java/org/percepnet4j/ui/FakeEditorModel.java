package org.percepnet4j.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.percepnet4j.engine.MeterSnapshot;
import org.percepnet4j.engine.Parameter;

/** An editor model held in memory: values, a meter snapshot the test sets, and a log of gestures. */
final class FakeEditorModel implements EditorModel {

    final Map<Parameter, Double> values = new EnumMap<>(Parameter.class);
    final MeterSnapshot meters = new MeterSnapshot();
    final List<PresetEntry> presets = new ArrayList<>();
    final List<String> gestures = new ArrayList<>();

    FakeEditorModel() {
        for (Parameter p : Parameter.values()) {
            values.put(p, p.defaultValue());
        }
    }

    @Override
    public double get(Parameter p) {
        return values.get(p);
    }

    @Override
    public void set(Parameter p, double plainValue) {
        values.put(p, p.sanitize(plainValue));
    }

    @Override
    public void beginEdit(Parameter p) {
        gestures.add("begin " + p.key());
    }

    @Override
    public void endEdit(Parameter p) {
        gestures.add("end " + p.key());
    }

    @Override
    public void readMeters(MeterSnapshot dst) {
        dst.inputDb = meters.inputDb;
        dst.outputDb = meters.outputDb;
        dst.gainReductionDb = meters.gainReductionDb;
        System.arraycopy(meters.bandGainDb, 0, dst.bandGainDb, 0, dst.bandGainDb.length);
        dst.pitchHz = meters.pitchHz;
        dst.voiced = meters.voiced;
        dst.latencyMs = meters.latencyMs;
        dst.sequence = meters.sequence;
    }

    @Override
    public List<PresetEntry> presets() {
        return presets;
    }
}
