package org.percepnet4j.ui;

import org.percepnet4j.engine.MeterSnapshot;

/**
 * Display state of all meters, fed with the raw snapshots the processor publishes: levels rise at once and fall
 * at {@link #FALL_DB_PER_SECOND} (so 30 fps sampling of 10 ms hops does not flicker), peaks hold for
 * {@link #PEAK_HOLD_NANOS}, and when the processor stops publishing the meters fall back to rest instead of
 * freezing on the last value. Gain reduction is kept as a positive number of dB removed.
 */
public final class MeterModel {

    public static final float FALL_DB_PER_SECOND = 30f;
    public static final long PEAK_HOLD_NANOS = 1_500_000_000L;
    /** No new hop for this long means the processor is idle (transport stopped, render finished). */
    public static final long STALE_NANOS = 300_000_000L;
    public static final int BANDS = 34;
    /** Seconds of pitch history kept for the pitch trace. */
    public static final int PITCH_HISTORY = 90;

    private float inputDb = MeterFormat.SILENCE_DB;
    private float outputDb = MeterFormat.SILENCE_DB;
    private float inputPeakDb = MeterFormat.SILENCE_DB;
    private float outputPeakDb = MeterFormat.SILENCE_DB;
    private long inputPeakAt;
    private long outputPeakAt;
    private float reductionDb;
    private final float[] bandReductionDb = new float[BANDS];
    private float pitchHz;
    private boolean voiced;
    private float latencyMs = Float.NaN;
    private final float[] pitchHistory = new float[PITCH_HISTORY];
    private int pitchHistoryHead;
    private long lastSequence = Long.MIN_VALUE;
    private long lastChangeAt;
    private long lastUpdateAt;
    private boolean active;

    /** Takes a fresh snapshot read at time {@code nowNanos} (System.nanoTime on the UI thread). */
    public void update(MeterSnapshot s, long nowNanos) {
        float dt = lastUpdateAt == 0 ? 0 : (nowNanos - lastUpdateAt) / 1e9f;
        lastUpdateAt = nowNanos;
        float fall = FALL_DB_PER_SECOND * Math.max(0, Math.min(dt, 1f));
        if (s.sequence != lastSequence) {
            lastSequence = s.sequence;
            lastChangeAt = nowNanos;
        }
        active = s.sequence != 0 && nowNanos - lastChangeAt < STALE_NANOS;
        // A snapshot nobody has written yet says nothing about latency.
        latencyMs = s.sequence == 0 && s.latencyMs == 0 ? Float.NaN : s.latencyMs;

        float in = active ? finiteOr(s.inputDb, MeterFormat.SILENCE_DB) : MeterFormat.SILENCE_DB;
        float out = active ? finiteOr(s.outputDb, MeterFormat.SILENCE_DB) : MeterFormat.SILENCE_DB;
        inputDb = follow(inputDb, in, fall);
        outputDb = follow(outputDb, out, fall);
        if (inputDb >= inputPeakDb || nowNanos - inputPeakAt > PEAK_HOLD_NANOS) {
            inputPeakDb = inputDb;
            inputPeakAt = nowNanos;
        }
        if (outputDb >= outputPeakDb || nowNanos - outputPeakAt > PEAK_HOLD_NANOS) {
            outputPeakDb = outputDb;
            outputPeakAt = nowNanos;
        }
        // Reduction: jumps up at once, releases at the fall rate (a meter, not a scope).
        float r = active ? Math.abs(finiteOr(s.gainReductionDb, 0)) : 0;
        reductionDb = r >= reductionDb ? r : Math.max(r, reductionDb - fall);
        for (int b = 0; b < BANDS; b++) {
            float br = active ? Math.max(0, -finiteOr(s.bandGainDb[b], 0)) : 0;
            bandReductionDb[b] = br >= bandReductionDb[b] ? br : Math.max(br, bandReductionDb[b] - fall);
        }
        voiced = active && s.voiced && s.pitchHz > 0 && Float.isFinite(s.pitchHz);
        pitchHz = voiced ? s.pitchHz : 0;
        pitchHistory[pitchHistoryHead] = pitchHz;
        pitchHistoryHead = (pitchHistoryHead + 1) % PITCH_HISTORY;
    }

    private static float follow(float shown, float target, float fall) {
        return target >= shown ? target : Math.max(target, shown - fall);
    }

    private static float finiteOr(float v, float fallback) {
        return Float.isFinite(v) ? v : fallback;
    }

    /** True while the processor keeps publishing new hops. */
    public boolean active() {
        return active;
    }

    public float inputDb() {
        return inputDb;
    }

    public float outputDb() {
        return outputDb;
    }

    public float inputPeakDb() {
        return inputPeakDb;
    }

    public float outputPeakDb() {
        return outputPeakDb;
    }

    /** Overall gain reduction in dB removed (>= 0). */
    public float reductionDb() {
        return reductionDb;
    }

    /** Reduction of band {@code b} in dB removed (>= 0). */
    public float bandReductionDb(int b) {
        return bandReductionDb[b];
    }

    public float pitchHz() {
        return pitchHz;
    }

    public boolean voiced() {
        return voiced;
    }

    public float latencyMs() {
        return latencyMs;
    }

    /** Pitch {@code age} updates ago (0 = latest), 0 when unvoiced. */
    public float pitchHistory(int age) {
        int i = Math.floorMod(pitchHistoryHead - 1 - age, PITCH_HISTORY);
        return pitchHistory[i];
    }

    public String inputText() {
        return MeterFormat.level(inputDb);
    }

    public String outputText() {
        return MeterFormat.level(outputDb);
    }

    public String reductionText() {
        return MeterFormat.reduction(reductionDb);
    }

    public String pitchText() {
        return MeterFormat.pitch(pitchHz, voiced);
    }

    public String latencyText() {
        return MeterFormat.latency(latencyMs);
    }
}
