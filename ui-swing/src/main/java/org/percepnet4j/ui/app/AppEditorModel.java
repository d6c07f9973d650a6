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
 * render, or the monitor that follows playback) as the meter source. Changed values reach the monitor at once,
 * through its lock-free setter, but never a render in progress: a file is rendered with one set of settings.
 */
final class AppEditorModel implements EditorModel {

    private final Map<Parameter, Double> settings = new EnumMap<>(Parameter.class);
    private final AtomicReference<Processor> meterSource = new AtomicReference<>();
    private final AtomicReference<Processor> live = new AtomicReference<>();
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
        Processor monitor = live.get();
        if (monitor != null) {
            monitor.setParameter(p, v);
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

    /** Meters come from {@code p} (a render); parameter edits do not reach it. */
    void meterSource(Processor p) {
        meterSource.set(p);
    }

    /** Meters come from {@code p} and parameter edits reach it at once (the playback monitor). */
    void monitor(Processor p) {
        live.set(p);
        meterSource.set(p);
    }

    /** Detaches {@code p} if it is still attached (a newer processor may have replaced it). */
    void release(Processor p) {
        live.compareAndSet(p, null);
        meterSource.compareAndSet(p, null);
    }
}
