package org.percepnet4j.ui;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
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
    private final Supplier<List<PresetEntry>> presets;
    private final GestureListener gestures;

    public ProcessorEditorModel(Processor processor, Supplier<List<PresetEntry>> presets, GestureListener gestures) {
        this.processor = Objects.requireNonNull(processor, "processor");
        this.presets = Objects.requireNonNull(presets, "presets");
        this.gestures = gestures == null ? GestureListener.NONE : gestures;
    }

    public ProcessorEditorModel(Processor processor, Supplier<List<PresetEntry>> presets) {
        this(processor, presets, GestureListener.NONE);
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
        List<PresetEntry> list = presets.get();
        return list == null ? List.of() : list;
    }
}
