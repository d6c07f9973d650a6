package org.percepnet4j.engine;

import java.lang.invoke.VarHandle;

/**
 * Hands meter values from the audio thread to any number of readers without locks: a seqlock. The writer
 * marks the sequence odd, writes, marks it even; a reader copies and retries when the sequence moved. The
 * writer never waits; a reader that keeps losing the race gives up and keeps its previous values.
 */
final class MeterExchange {
    private static final int READ_ATTEMPTS = 64;

    /**
     * Odd while the writer is writing. A plain volatile field rather than a VarHandle: VarHandle calls link
     * method handles lazily, which allocates now and then on the audio thread until the JIT has settled.
     */
    private volatile long sequence;
    private float inputDb = MeterSnapshot.FLOOR_DB;
    private float outputDb = MeterSnapshot.FLOOR_DB;
    private float gainReductionDb;
    private final float[] bandGainDb = new float[GainPredictor.BANDS];
    private float pitchHz;
    private boolean voiced;
    private float latencyMs;

    /** Audio thread only. Never blocks. */
    void publish(float in, float out, float gainReduction, float[] bandsDb, float pitch, boolean isVoiced,
                 float latency) {
        long s = sequence;
        sequence = s + 1;
        VarHandle.storeStoreFence(); // the odd mark becomes visible before any of the data writes
        inputDb = in;
        outputDb = out;
        gainReductionDb = gainReduction;
        System.arraycopy(bandsDb, 0, bandGainDb, 0, bandGainDb.length);
        pitchHz = pitch;
        voiced = isVoiced;
        latencyMs = latency;
        sequence = s + 2; // volatile write: the data writes happen-before the even mark
    }

    /** Audio thread only: back to "no data yet" (after prepare / reset). */
    void clear(float latency) {
        long s = sequence;
        sequence = s + 1;
        VarHandle.storeStoreFence();
        inputDb = MeterSnapshot.FLOOR_DB;
        outputDb = MeterSnapshot.FLOOR_DB;
        gainReductionDb = 0;
        java.util.Arrays.fill(bandGainDb, 0f);
        pitchHz = 0;
        voiced = false;
        latencyMs = latency;
        baseSequence = s + 2;
        sequence = s + 2;
    }

    /** The raw sequence at the last clear: published hops are counted from here. */
    private long baseSequence;

    /**
     * Any thread. Returns false when no consistent copy could be taken in a few attempts (the writer kept
     * publishing); the scalar fields of {@code dst} are then untouched, its band array may hold a mix of two hops.
     */
    boolean read(MeterSnapshot dst) {
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            long before = sequence;
            if ((before & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            float in = inputDb;
            float out = outputDb;
            float gr = gainReductionDb;
            float pitch = pitchHz;
            boolean v = voiced;
            float latency = latencyMs;
            long base = baseSequence;
            // bands straight into dst: a torn copy is overwritten by the retry or rejected below
            System.arraycopy(bandGainDb, 0, dst.bandGainDb, 0, dst.bandGainDb.length);
            VarHandle.loadLoadFence(); // the data reads complete before the sequence is read again
            long after = sequence;
            if (before == after) {
                dst.inputDb = in;
                dst.outputDb = out;
                dst.gainReductionDb = gr;
                dst.pitchHz = pitch;
                dst.voiced = v;
                dst.latencyMs = latency;
                dst.sequence = (before - base) / 2;
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }
}
