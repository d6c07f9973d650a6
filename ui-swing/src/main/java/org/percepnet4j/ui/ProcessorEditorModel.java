package org.percepnet4j.ui;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.percepnet4j.engine.MeterSnapshot;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.engine.Processor;

/**
 * The editor model of a live {@link Processor}, as the plugin uses it: values and meters go straight through the
 * processor's lock-free setters and snapshots. Hosts that record automation pass a {@link GestureListener} to hear
 * about begin/end of each user edit.
 */
public final class ProcessorEditorModel implements EditorModel {

    /** Tells the host about user gestures (VST beginEdit / automate / endEdit). */
    public interface GestureListener {
        void begin(Parameter p);

        void changed(Parameter p, double plainValue);

        void end(Parameter p);

        GestureListener NONE = new GestureListener() {
            @Override
            public void begin(Parameter p) {
            }

            @Override
            public void changed(Parameter p, double plainValue) {
            }

            @Override
            public void end(Parameter p) {
            }
        };
    }

    private final Processor processor;
    private final PresetStore presets;
    private final GestureListener gestures;

    /**
     * @param presets  where the preset menu comes from; null for no presets
     * @param gestures host notifications; null for none
     */
    public ProcessorEditorModel(Processor processor, PresetStore presets, GestureListener gestures) {
        this.processor = Objects.requireNonNull(processor, "processor");
        this.presets = presets;
        this.gestures = gestures == null ? GestureListener.NONE : gestures;
    }

    /** A model with the standard preset library and no host notifications. */
    public ProcessorEditorModel(Processor processor) {
        this(processor, PresetStore.standard(), GestureListener.NONE);
    }

    @Override
    public double get(Parameter p) {
        return processor.getParameter(p);
    }

    @Override
    public void set(Parameter p, double plainValue) {
        double v = p.sanitize(plainValue);
        processor.setParameter(p, v);
        gestures.changed(p, v);
    }

    @Override
    public void beginEdit(Parameter p) {
        gestures.begin(p);
    }

    @Override
    public void endEdit(Parameter p) {
        gestures.end(p);
    }

    @Override
    public void readMeters(MeterSnapshot dst) {
        processor.readMeters(dst);
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
        Map<Parameter, Double> values = new EnumMap<>(Parameter.class);
        for (Parameter p : Parameter.values()) {
            values.put(p, processor.getParameter(p));
        }
        return presets.save(name, "", values);
    }
}
