package org.percepnet4j.engine;

import java.util.Locale;

/**
 * Every user-facing parameter of the denoiser: range, default, unit and text conversion.
 *
 * <p>Values are always handled in plain units (dB, %, ms, 0/1). Hosts that speak normalised 0..1 values
 * (VST) convert with {@link #toNormalized(double)} / {@link #fromNormalized(double)}. The enum order is the
 * public parameter index (VST index, preset field order): append, never reorder.
 */
public enum Parameter {
    /** Attenuation limit: how far below its input level a band may be pulled (0 dB = nothing removed). */
    SUPPRESSION("suppression", "Suppression", "dB", 0, 100, 40, 0.5),
    /**
     * Envelope post-filter amount: 0 % = raw network gains, 100 % = paper post-filter (beta = 0.02). Off by default:
     * on validation mixtures (trainer eval --split VALIDATION) the full post-filter removed more noise (DNSMOS BAK
     * +0.3) but cost intelligibility and speech quality (ESTOI 0.02–0.03 lower, SIG −0.2, SI-SDR up to 0.4 dB
     * lower) for the same overall score (OVRL within ±0.05); see BENCHMARKS.md, "Post-filter default".
     */
    POST_FILTER("postFilter", "Post-filter", "%", 0, 100, 0, 1),
    /** Look-ahead of the network and pitch tracker; adds to latency in whole 10 ms hops. */
    LOOKAHEAD("lookahead", "Look-ahead", "ms", 0, 20, 20, 10),
    /** Make-up gain after processing. */
    OUTPUT_GAIN("outputGain", "Output gain", "dB", -24, 12, 0, 0.1),
    /** Crossfaded bypass that keeps the reported latency. */
    BYPASS("bypass", "Bypass", "", 0, 1, 0, 1),
    /** Outputs what the denoiser removes (latency-aligned input minus output) for checking by ear. */
    LISTEN_NOISE("listenNoise", "Listen to removed", "", 0, 1, 0, 1),
    /** Process every channel on its own instead of one linked analysis with shared gains. */
    DUAL_MONO("dualMono", "Dual mono", "", 0, 1, 0, 1);

    private final String key;
    private final String displayName;
    private final String unit;
    private final double min;
    private final double max;
    private final double defaultValue;
    private final double step;

    Parameter(String key, String displayName, String unit, double min, double max, double defaultValue, double step) {
        this.key = key;
        this.displayName = displayName;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.defaultValue = defaultValue;
        this.step = step;
    }

    /** Stable identifier used in JSON presets and by-name automation. */
    public String key() { return key; }

    public String displayName() { return displayName; }

    /** Unit label ("dB", "%", "ms"), empty for switches. */
    public String unit() { return unit; }

    public double min() { return min; }

    public double max() { return max; }

    public double defaultValue() { return defaultValue; }

    /** Resolution of the value; switches and look-ahead only take multiples of it. */
    public double step() { return step; }

    /** True for on/off parameters. */
    public boolean isSwitch() { return unit.isEmpty(); }

    /** True when only multiples of {@link #step()} are meaningful (switches, look-ahead). */
    public boolean isDiscrete() { return isSwitch() || this == LOOKAHEAD; }

    /** Clamps to the range and snaps discrete parameters; NaN falls back to the default. */
    public double sanitize(double value) {
        if (Double.isNaN(value)) {
            return defaultValue;
        }
        double v = Math.max(min, Math.min(max, value));
        if (isDiscrete()) {
            v = min + Math.round((v - min) / step) * step;
        }
        return v;
    }

    /** Plain value to 0..1 (linear over the range). */
    public double toNormalized(double value) {
        return (sanitize(value) - min) / (max - min);
    }

    /** 0..1 to plain value; out-of-range or NaN input is clamped / defaulted, never an error. */
    public double fromNormalized(double normalized) {
        if (Double.isNaN(normalized)) {
            return defaultValue;
        }
        double n = Math.max(0, Math.min(1, normalized));
        return sanitize(min + n * (max - min));
    }

    /** Display text without the unit, e.g. "40.0", "100", "20", "On". */
    public String format(double value) {
        double v = sanitize(value);
        if (isSwitch()) {
            return v >= 0.5 ? "On" : "Off";
        }
        if (step >= 1) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Display text with its unit, e.g. "40.0 dB". */
    public String formatWithUnit(double value) {
        return isSwitch() ? format(value) : format(value) + " " + unit;
    }

    /**
     * Parses user text such as "12", "12 dB", "on", "off"; the result is sanitised.
     *
     * @throws IllegalArgumentException naming the parameter and its range when the text is not a value
     */
    public double parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (isSwitch()) {
            switch (t) {
                case "on", "true", "yes", "1": return 1;
                case "off", "false", "no", "0": return 0;
                default: throw new IllegalArgumentException(displayName + ": expected on/off, got '" + text + "'");
            }
        }
        String u = unit.toLowerCase(Locale.ROOT);
        if (t.endsWith(u)) {
            t = t.substring(0, t.length() - u.length()).trim();
        }
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return sanitize(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(displayName + ": expected a number from " + format(min) + " to "
                    + format(max) + " " + unit + ", got '" + text + "'");
        }
    }

    /** Looks a parameter up by {@link #key()} or display name, case-insensitively; null when unknown. */
    public static Parameter byName(String name) {
        for (Parameter p : values()) {
            if (p.key.equalsIgnoreCase(name) || p.displayName.equalsIgnoreCase(name)) {
                return p;
            }
        }
        return null;
    }
}
