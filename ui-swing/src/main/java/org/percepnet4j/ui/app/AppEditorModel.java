package org.percepnet4j.ui.app;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.io.IOException;
import org.percepnet4j.ui.PresetStore;
import org.percepnet4j.engine.MeterSnapshot;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.engine.Processor;
import org.percepnet4j.ui.EditorModel;
import org.percepnet4j.ui.PresetEntry;

/**
 * The app's editor model: the settings the next render uses, plus whichever processor is running right now (the
 * render, or the monitor that follows playback) as the meter source. Changed values also reach that processor at
 * once, through its lock-free setter.
 */
final class AppEditorModel implements EditorModel {

    private final Map<Parameter, Double> settings = new EnumMap<>(Parameter.class);
    private final AtomicReference<Processor> meterSource = new AtomicReference<>();
    private final PresetStore presets;
    private final Runnable changed;

    AppEditorModel(PresetStore presets, Runnable changed) {
        this.presets = presets;
        this.changed = changed;
        for (Parameter p : Parameter.values()) {
            settings.put(p, p.defaultValue());
        }
    }

    @Override
    public double get(Parameter p) {
        return settings.get(p);
    }

    @Override
    public void set(Parameter p, double plainValue) {
        double v = p.sanitize(plainValue);
        Double old = settings.put(p, v);
        Processor live = meterSource.get();
        if (live != null) {
            live.setParameter(p, v);
        }
        if (old == null || old != v) {
            changed.run();
        }
    }

    @Override
    public void readMeters(MeterSnapshot dst) {
        Processor p = meterSource.get();
        if (p != null) {
            p.readMeters(dst);
        }
    }

    @Override
    public List<PresetEntry> presets() {
        return presets == null ? List.of() : presets.entries();
    }

    @Override
    public boolean canSavePresets() {
        return presets != null;
    }

    @Override
    public PresetEntry savePreset(String name) throws IOException {
        if (presets == null) {
            return EditorModel.super.savePreset(name);
        }
        return presets.save(name, "", settings);
    }

    /** Messages about user preset files that did not load. */
    List<String> presetProblems() {
        return presets == null ? List.of() : presets.problems();
    }

    /** A copy of the current settings for a render. */
    Map<Parameter, Double> settings() {
        return Collections.unmodifiableMap(new EnumMap<>(settings));
    }

    void meterSource(Processor p) {
        meterSource.set(p);
    }

    /** Clears the meter source only if it is still {@code p} (a newer one may have replaced it). */
    void releaseMeterSource(Processor p) {
        meterSource.compareAndSet(p, null);
    }
}
