package org.percepnet4j.engine.dsp;

import java.util.Arrays;

/**
 * Lifts the network's view of quiet input into the level range it was trained on. The training mixtures put
 * active speech at −45…−15 dBFS, and the network learnt absolute level as a cue: speech at −60 dBFS is taken for
 * noise (model history, "Quiet speech"). Training on quieter examples cost quality at normal levels, so instead the
 * run-time analysis measures how loud the input's voiced passages are and, when they sit below the trained range,
 * adds a gain to the 34 log-energy features only. The audio path (Y, P, the gains' application) never sees it, so
 * the output level stays the user's.
 *
 * <p><b>Measure:</b> the 90th percentile of the levels of the measured frames among the last {@value #WINDOW_FRAMES}
 * hops (5 s). The extractor measures voiced frames only (pitch correlation of the newest frame at least {@link
 * PitchTracker#VOICING_THRESHOLD}), never silent ones ({@link FeatureExtractor#SILENT_FRAME_ENERGY}): quiet noise
 * alone, such as the room tone before a take, is not speech to bring up, and lifting it made the network take the
 * louder noise that followed for speech (model history, "Room tone before a take"). A percentile rather than a peak
 * so sparse loud events (clicks, key strokes) do not hold it up; over 5 s so ordinary pauses do not pull it down.
 * On the VALIDATION evaluation mixtures it sits 57.5 ± 1.5 dB above the active speech level (units: 10·log10 of the
 * band energy sum of {@link ErbBands#energies}) at 0 and 10 dB SNR and on clean speech, at −26, −45 and −60 dBFS
 * alike; 78–89 % of their frames are voiced by that threshold.
 *
 * <p><b>Lift:</b> {@code clamp(TARGET − measure, 0, MAX_LIFT)} once {@value #MIN_FRAMES} frames are measured,
 * smoothed per hop, and never more than keeps the loudest frame of the last 200 ms under the trained range's top.
 * Input whose loud voiced passages lie in the trained range gets none, except while the measure still rests on the
 * first few voiced frames. Deterministic per hop, so block-size invariant; no allocation after construction.
 *
 * <p>Settings chosen on the VALIDATION split (model history, "Quiet input and digital silence"): starting after
 * 10, 20 or 50 frames measured lower at −60 dBFS than after 5, a target of −45 dBFS speech lower than −40, and −35
 * within 0.05 dB of it; at −26 dBFS all were within 0.03 dB of no lift. Measuring voiced frames only came later
 * (model history, "Room tone before a take", where the voicing threshold was chosen). Measured again with two
 * runs' networks (model history, "The quiet-input lift's target and onset"): targets of −35 and −30 dBFS cost the
 * shipped networks 2 and 6 dB summed over 36 quiet cells (a lift's own movement costs, so lifting further than
 * needed does not pay), and earlier or unsmoothed onsets did not clearly help; all settings stayed.
 */
public final class QuietInputLift {
    /** Hops in the measuring window: 5 s. */
    static final int WINDOW_FRAMES = 500;
    /** Measured frames before any lift: quick, since a late lift leaves the start of a quiet take suppressed. */
    static final int MIN_FRAMES = 5;
    /** Share of measured frames above the measure. */
    static final double UPPER_SHARE = 0.10;
    /** Lowest level binned: that of {@link FeatureExtractor#SILENT_FRAME_ENERGY}. */
    static final double SILENT_LEVEL_DB = 10 * Math.log10(FeatureExtractor.SILENT_FRAME_ENERGY);
    /** Histogram resolution. */
    static final double BIN_DB = 0.5;
    /** Highest level binned (a full-scale square wave is about 50); louder frames count in the top bin. */
    static final double TOP_LEVEL_DB = 70;
    static final int BINS = (int) Math.round((TOP_LEVEL_DB - SILENT_LEVEL_DB) / BIN_DB) + 1;
    /** The measure of speech at −40 dBFS active level (57 dB above it, see above), where quiet input is lifted to. */
    public static final double TARGET_DB = 17;
    /** Most lift applied: speech down to −70 dBFS is brought to −40. */
    public static final double MAX_LIFT_DB = 30;
    /** Per-hop smoothing of the lift: each hop moves it half way to its target. */
    static final double SMOOTHING = 0.5;

    /** Hops over which the loudest frame bounds the lift: 200 ms. */
    static final int RECENT_FRAMES = 20;
    /**
     * Where the loudest frames of speech at the top of the trained range (−15 dBFS) sit: the loudest frame of a
     * 6 s evaluation mixture is 61…72 dB above its active level (63 typical), so −15 dBFS gives 48.
     */
    static final double CEILING_DB = 48;

    private final short[] recentBins = new short[WINDOW_FRAMES];
    private final double[] recentLevels = new double[RECENT_FRAMES];
    private final int[] histogram = new int[BINS];
    private int next;
    private int counted;
    private double liftDb;

    public QuietInputLift() {
        reset();
    }

    public void reset() {
        Arrays.fill(recentBins, (short) -1);
        Arrays.fill(histogram, 0);
        Arrays.fill(recentLevels, SILENT_LEVEL_DB);
        next = 0;
        counted = 0;
        liftDb = 0;
    }

    /**
     * Takes one hop's frame and updates the lift. Every frame bounds the lift (loud onsets); only measured frames
     * move the measure.
     *
     * @param bandEnergySum the sum of the newest frame's 34 band energies (signal scale of {@link FeatureExtractor})
     * @param measured      whether that frame counts towards the measure (the extractor: voiced and not silent)
     */
    public void update(double bandEnergySum, boolean measured) {
        double level = 10 * Math.log10(bandEnergySum + 1e-30);
        short old = recentBins[next];
        if (old >= 0) {
            histogram[old]--;
            counted--;
        }
        short bin = -1;
        if (measured) {
            bin = (short) Math.max(0, Math.min(BINS - 1, (int) ((level - SILENT_LEVEL_DB) / BIN_DB)));
            histogram[bin]++;
            counted++;
        }
        recentBins[next] = bin;
        recentLevels[next % RECENT_FRAMES] = level;
        next = (next + 1) % WINDOW_FRAMES;

        double target = 0;
        if (counted >= MIN_FRAMES) {
            target = Math.max(0, Math.min(MAX_LIFT_DB, TARGET_DB - measureDb()));
        }
        // A loud onset after a long quiet stretch (speech after room tone) finds the 5 s measure still low: the
        // loudest recent frame keeps the lifted frames under the trained range's top, at once rather than smoothed.
        double recentMax = SILENT_LEVEL_DB;
        for (double l : recentLevels) {
            recentMax = Math.max(recentMax, l);
        }
        double bound = Math.max(0, CEILING_DB - recentMax);
        target = Math.min(target, bound);
        liftDb += SMOOTHING * (target - liftDb);
        liftDb = Math.min(liftDb, bound);
        if (liftDb < 1e-6) {
            liftDb = 0; // exactly no lift for input in the trained range, not a denormal tail
        }
    }

    /** The 90th-percentile level of the window's measured frames (bin centre); meaningful once one is counted. */
    double measureDb() {
        int above = (int) Math.ceil(UPPER_SHARE * counted);
        int seen = 0;
        for (int b = BINS - 1; b >= 0; b--) {
            seen += histogram[b];
            if (seen >= above) {
                return SILENT_LEVEL_DB + (b + 0.5) * BIN_DB;
            }
        }
        return SILENT_LEVEL_DB;
    }

    /** The lift of the last hop, dB, 0…{@link #MAX_LIFT_DB}. */
    public double liftDb() {
        return liftDb;
    }

    /** The same as a factor on band energies: exactly 1 without lift. */
    public float energyFactor() {
        return liftDb > 0 ? (float) Math.pow(10, liftDb / 10) : 1f;
    }
}
