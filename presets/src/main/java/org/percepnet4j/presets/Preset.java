package org.percepnet4j.presets;

import java.util.Objects;

/**
 * A named parameter set with a one-line description of what it is for.
 *
 * @param name        shown in menus and used on the command line (case-insensitive); 1 to 64 characters
 * @param description one line for lists and tooltips; may be empty
 * @param parameters  the values
 */
public record Preset(String name, String description, ParameterSet parameters) {

    /** Longest name accepted; VST program names are shorter still and are cut when written to .fxp/.fxb. */
    public static final int MAX_NAME_LENGTH = 64;

    public Preset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
        description = description == null ? "" : description;
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a preset name needs 1 to " + MAX_NAME_LENGTH
                    + " printable characters: '" + PresetFormatException.excerpt(name) + "'");
        }
        if (description.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            throw new IllegalArgumentException("a preset description is one line");
        }
    }

    /** The same preset under another name. */
    public Preset withName(String newName) {
        return new Preset(newName, description, parameters);
    }
}
