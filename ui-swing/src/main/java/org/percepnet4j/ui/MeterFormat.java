package org.percepnet4j.ui;

import java.util.Locale;

/** Text for meter readouts; one place so labels, tooltips and accessible descriptions agree. */
public final class MeterFormat {

    /** Levels at or below this read as silence. */
    public static final float SILENCE_DB = -100f;

    private MeterFormat() {
    }

    /** A level, e.g. "-12.3 dB", "-inf dB" for silence or no signal. */
    public static String level(float db) {
        if (Float.isNaN(db) || db <= SILENCE_DB) {
            return "-inf dB";
        }
        return String.format(Locale.ROOT, "%.1f dB", db);
    }

    /** An amount of gain reduction as a cut, e.g. "-8.5 dB"; "0.0 dB" when nothing is removed. */
    public static String reduction(float reductionDb) {
        float r = Float.isFinite(reductionDb) ? Math.abs(reductionDb) : 0f;
        return r < 0.05f ? "0.0 dB" : String.format(Locale.ROOT, "-%.1f dB", r);
    }

    /** Detected pitch, e.g. "187 Hz", or "unvoiced". */
    public static String pitch(float hz, boolean voiced) {
        if (!voiced || !Float.isFinite(hz) || hz <= 0) {
            return "unvoiced";
        }
        return String.format(Locale.ROOT, "%.0f Hz", hz);
    }

    /** Processing latency, e.g. "30.0 ms". */
    public static String latency(float ms) {
        if (!Float.isFinite(ms) || ms < 0) {
            return "-- ms";
        }
        return String.format(Locale.ROOT, "%.1f ms", ms);
    }
}
