package org.percepnet4j.ui;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.percepnet4j.engine.Parameter;

/**
 * A preset as the editor shows it: a name, a one-line description, where it comes from and the parameter values
 * it sets. Parameters it does not hold (e.g. bypass) are left alone when it is applied.
 */
public record PresetEntry(String name, String description, boolean factory, Map<Parameter, Double> values) {

    public PresetEntry {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        EnumMap<Parameter, Double> copy = new EnumMap<>(Parameter.class);
        values.forEach((p, v) -> copy.put(p, p.sanitize(v)));
        values = Collections.unmodifiableMap(copy);
    }

    /** True when every value of this preset equals the model's current value (within half a step). */
    public boolean matches(EditorModel model) {
        for (Map.Entry<Parameter, Double> e : values.entrySet()) {
            Parameter p = e.getKey();
            if (Math.abs(model.get(p) - e.getValue()) > p.step() / 2) {
                return false;
            }
        }
        return true;
    }

    /** Menu text, e.g. "Podcast studio" or "My room (user)". */
    @Override
    public String toString() {
        return factory ? name : name + " (user)";
    }
}
