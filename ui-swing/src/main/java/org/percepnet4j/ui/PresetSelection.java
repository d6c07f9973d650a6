package org.percepnet4j.ui;

import java.util.List;

/**
 * Which preset the user last chose and whether the current settings still equal it; headless so the preset menu's
 * behaviour can be tested without Swing.
 */
public final class PresetSelection {

    private final EditorModel model;
    private PresetEntry selected;

    public PresetSelection(EditorModel model) {
        this.model = model;
    }

    public List<PresetEntry> available() {
        return model.presets();
    }

    /** Applies the preset to the model and remembers it. */
    public void choose(PresetEntry preset) {
        model.applyPreset(preset);
        selected = preset;
    }

    /** Marks {@code preset} as the current one without applying it (it was just saved from these settings). */
    public void remember(PresetEntry preset) {
        selected = preset;
    }

    /** The last chosen preset, or null. */
    public PresetEntry selected() {
        return selected;
    }

    /** True when a preset was chosen and a parameter it sets has been changed since. */
    public boolean modified() {
        return selected != null && !selected.matches(model);
    }

    /** Status text beside the menu: "" when unmodified, "modified" otherwise. */
    public String status() {
        return modified() ? "modified" : "";
    }
}
