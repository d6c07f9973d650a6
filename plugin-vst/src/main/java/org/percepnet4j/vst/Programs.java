package org.percepnet4j.vst;

import java.util.List;

/** The plugin's program list (VST programs): name and full parameter state of each. */
final class Programs {

    private final List<PluginState> programs;

    private Programs(List<PluginState> programs) {
        this.programs = List.copyOf(programs);
    }

    static Programs factory() {
        return new Programs(List.of(PluginState.defaults("Default")));
    }

    int count() {
        return programs.size();
    }

    /** Program {@code index} as a state whose program field is {@code index}; null when out of range. */
    PluginState get(int index) {
        if (index < 0 || index >= programs.size()) {
            return null;
        }
        PluginState p = programs.get(index);
        return new PluginState(p.values(), index, p.programName());
    }
}
