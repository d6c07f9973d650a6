package org.percepnet4j.ui;

import java.util.List;
import org.percepnet4j.engine.MeterSnapshot;
import org.percepnet4j.engine.Parameter;

/**
 * What the editor panel needs from whoever hosts it: the VST bridge (one live {@code Processor}), the standalone
 * app (settings pushed into render and monitor processors) or a test.
 *
 * <p>Every method is called on the Swing event thread. Implementations must be lock-free towards the audio thread:
 * {@code Processor.setParameter}/{@code readMeters} already are.
 */
public interface EditorModel {

    /** Current plain value (dB, %, ms, 0/1) of a parameter. */
    double get(Parameter p);

    /** Sets a plain value; the implementation sanitises it. */
    void set(Parameter p, double plainValue);

    /** Start of a user gesture (mouse press, first key repeat): hosts use it to group automation. */
    default void beginEdit(Parameter p) {
    }

    /** End of a user gesture. */
    default void endEdit(Parameter p) {
    }

    /** Copies the latest published meter values into {@code dst} without blocking the audio thread. */
    void readMeters(MeterSnapshot dst);

    /** Factory presets first, then user presets; may be empty, never null. */
    List<PresetEntry> presets();

    /** True when {@link #savePreset} can store user presets. */
    default boolean canSavePresets() {
        return false;
    }

    /**
     * Stores the current settings as a user preset and returns its menu entry.
     *
     * @throws java.io.IOException when it cannot be written; IllegalArgumentException for an invalid name
     */
    default PresetEntry savePreset(String name) throws java.io.IOException {
        throw new java.io.IOException("this editor cannot save presets");
    }

    /** Applies every value the preset holds as one gesture per parameter. */
    default void applyPreset(PresetEntry preset) {
        preset.values().forEach((p, v) -> {
            beginEdit(p);
            set(p, v);
            endEdit(p);
        });
    }
}
