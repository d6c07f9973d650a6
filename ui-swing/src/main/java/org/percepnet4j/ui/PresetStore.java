package org.percepnet4j.ui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.presets.FactoryPresets;
import org.percepnet4j.presets.ParameterSet;
import org.percepnet4j.presets.Preset;
import org.percepnet4j.presets.PresetLibrary;

/**
 * The editor's view of the {@code presets} module: factory presets then the user folder's presets, as menu
 * entries, and saving the current settings as a user preset.
 *
 * <p>Applying a preset leaves bypass and "listen to removed" alone: they are monitoring switches, and a preset
 * chosen while listening to the removed noise should not silently switch back to the denoised output.
 */
public final class PresetStore {

    /** Parameters a preset never changes from the editor. */
    static boolean isMonitoringSwitch(Parameter p) {
        return p == Parameter.BYPASS || p == Parameter.LISTEN_NOISE;
    }

    private final PresetLibrary library;
    private List<String> problems = List.of();

    public PresetStore(PresetLibrary library) {
        this.library = library;
    }

    /** The standard library: user folder from {@code -Dpercepnet.presets}, {@code PERCEPNET_PRESETS} or the home folder. */
    public static PresetStore standard() {
        return new PresetStore(PresetLibrary.standard());
    }

    /** Factory presets, then user presets sorted by file name; rereads the user folder each time. */
    public List<PresetEntry> entries() {
        List<PresetEntry> list = new ArrayList<>();
        for (Preset p : FactoryPresets.all()) {
            list.add(entry(p, true));
        }
        PresetLibrary.UserPresets user = library.userPresets();
        for (Preset p : user.presets()) {
            list.add(entry(p, false));
        }
        List<String> messages = new ArrayList<>(user.problems());
        messages.addAll(user.warnings()); // an unusable folder or an unreachable preset: the app says so too
        problems = List.copyOf(messages);
        return List.copyOf(list);
    }

    /**
     * User preset files that did not load at the last {@link #entries()} call, and warnings about the folder or
     * presets that cannot be chosen by name, one message each.
     */
    public List<String> problems() {
        return problems;
    }

    static PresetEntry entry(Preset p, boolean factory) {
        Map<Parameter, Double> values = new EnumMap<>(Parameter.class);
        p.parameters().asMap().forEach((param, v) -> {
            if (!isMonitoringSwitch(param)) {
                values.put(param, v);
            }
        });
        return new PresetEntry(p.name(), p.description(), factory, values);
    }

    /**
     * Saves {@code values} as a user preset (monitoring switches stored off) and returns its menu entry.
     *
     * @throws IllegalArgumentException when the name is not a valid preset name
     * @throws IOException when the file cannot be written
     */
    public PresetEntry save(String name, String description, Map<Parameter, Double> values) throws IOException {
        Map<Parameter, Double> stored = new EnumMap<>(Parameter.class);
        values.forEach((p, v) -> stored.put(p, isMonitoringSwitch(p) ? 0.0 : p.sanitize(v)));
        Preset preset = new Preset(name.trim(), description, ParameterSet.of(stored));
        library.save(preset);
        return entry(preset, false);
    }
}
