package org.percepnet4j.vst;

import java.util.Arrays;
import java.util.Objects;

import org.percepnet4j.engine.Parameter;

/**
 * Everything a host saves for one plugin instance: every parameter (plain values, {@link Parameter} order), the
 * current program and its name.
 *
 * @param values      plain values indexed by {@link Parameter#ordinal()}; sanitised
 * @param program     current program index, or -1 when none applies
 * @param programName the name shown for the current program (may be edited by the user)
 */
public record PluginState(double[] values, int program, String programName) {

    /** Longest program name kept (VST hosts show at most 23 characters, presets allow 64). */
    public static final int MAX_PROGRAM_NAME = 64;

    public PluginState {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(programName, "programName");
        if (values.length != Parameter.values().length) {
            throw new IllegalArgumentException("expected " + Parameter.values().length + " values, got " + values.length);
        }
        values = values.clone();
        Parameter[] parameters = Parameter.values();
        for (int i = 0; i < values.length; i++) {
            values[i] = parameters[i].sanitize(values[i]);
        }
        programName = sanitizeName(programName);
    }

    /** Every parameter at its default, no program. */
    public static PluginState defaults(String programName) {
        double[] values = new double[Parameter.values().length];
        for (Parameter p : Parameter.values()) {
            values[p.ordinal()] = p.defaultValue();
        }
        return new PluginState(values, -1, programName);
    }

    public double value(Parameter p) {
        return values[p.ordinal()];
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Keeps printable characters only and at most {@link #MAX_PROGRAM_NAME} of them. */
    public static String sanitizeName(String name) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c)).limit(MAX_PROGRAM_NAME).forEach(sb::appendCodePoint);
        return sb.toString().strip();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PluginState s && Arrays.equals(values, s.values) && program == s.program
                && programName.equals(s.programName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(values), program, programName);
    }

    @Override
    public String toString() {
        return "PluginState" + Arrays.toString(values) + " program " + program + " '" + programName + "'";
    }
}
