package org.percepnet4j.engine;

import java.util.Arrays;

/**
 * A copy of the Processor's latest meter values, filled by {@link Processor#readMeters(MeterSnapshot)}.
 * Mutable and preallocated by the reader (the editor keeps one and refills it ~30 times a second).
 */
public final class MeterSnapshot {
    /** Silence and "nothing yet" read as this level. */
    public static final float FLOOR_DB = -120f;

    /** Input level (RMS over all channels, dBFS) of the host samples since the previous hop. */
    public float inputDb = FLOOR_DB;
    /** Output level (RMS over all channels, dBFS) of the host samples since the previous hop, after everything. */
    public float outputDb = FLOOR_DB;
    /** How much quieter the denoised hop is than the input it was made from (dB, 0 = nothing removed). */
    public float gainReductionDb;
    /** The last applied band gains in dB (0 = untouched), one per ERB band. */
    public final float[] bandGainDb = new float[GainPredictor.BANDS];
    /** Last analysed pitch in Hz, 0 when unvoiced. */
    public float pitchHz;
    /** Whether the last hop was analysed as voiced. */
    public boolean voiced;
    /** Latency of the active configuration in milliseconds. */
    public float latencyMs;
    /** Number of hops published so far (since prepare or reset); 0 = no data yet. */
    public long sequence;

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "MeterSnapshot[#%d in %.1f dB, out %.1f dB, GR %.1f dB, pitch %.1f Hz%s, latency %.2f ms, bands %s]",
                sequence, inputDb, outputDb, gainReductionDb, pitchHz, voiced ? " voiced" : "", latencyMs,
                Arrays.toString(bandGainDb));
    }
}
