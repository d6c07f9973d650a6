package org.percepnet4j.vst;

import java.util.List;

import org.percepnet4j.engine.Parameter;
import org.percepnet4j.presets.FactoryPresets;
import org.percepnet4j.presets.Preset;

/** The plugin's VST programs: the factory presets, in {@link FactoryPresets#all()} order. */
final class Programs {

    private final List<Preset> presets;

    private Programs(List<Preset> presets) {
        if (presets.isEmpty()) {
            throw new IllegalArgumentException("at least one program");
        }
        this.presets = List.copyOf(presets);
    }

    static Programs factory() {
        return new Programs(FactoryPresets.all());
    }

    int count() {
        return presets.size();
    }

    /** Program {@code index} as a full state whose program field is {@code index}; null when out of range. */
    PluginState get(int index) {
        if (index < 0 || index >= presets.size()) {
            return null;
        }
        return stateOf(presets.get(index), index);
    }

    /** A preset's values as plugin state, with the given program index (-1: not one of ours). */
    static PluginState stateOf(Preset preset, int program) {
        double[] values = new double[Parameter.values().length];
        for (Parameter p : Parameter.values()) {
            values[p.ordinal()] = preset.parameters().get(p);
        }
        return new PluginState(values, program, preset.name());
    }

    /** The index of the factory program with this name, or -1. */
    int indexOf(String name) {
        for (int i = 0; i < presets.size(); i++) {
            if (presets.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
