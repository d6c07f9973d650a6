package org.percepnet4j.engine.dsp;

import org.percepnet4j.engine.GainPredictor;

/**
 * The PercepNet analysis of one (mono) signal, hop by hop: steps 1–6 of spec §1. The one feature
 * implementation shared by the run-time {@code Denoiser} and the trainer's {@link TrainingFrames}.
 *
 * <p><b>The 70 features</b> (spec §7), for output frame ℓ when the newest frame is ℓ + M:
 * <pre>
 *   [0, 34)   log band energy of the newest frame:  log10(E_Y,b(ℓ+M) + 1e-8) / 4 + 1
 *   [34, 68)  pitch coherence q_y,b(ℓ) between Y(ℓ) and the comb-filtered P(ℓ), in [0, 1]
 *   68        pitch period T(ℓ) scaled to [−1, 1]:      (T − 414) / 354, T in 48 kHz samples 60..768
 *   69        pitch correlation of the newest frame at the tracked lag, in [0, 1]
 * </pre>
 * <b>Signal scale:</b> float samples in [−1, 1] (0 dBFS = 1.0); energies are those of the unnormalised
 * 960-point FFT of the Vorbis-windowed frame (a full-scale sine gives a band energy of about 5·10⁴,
 * feature ≈ 2.2; silence gives the floor, feature −1). The floor 1e-8 sits about 130 dB below a full-scale
 * sine, below any real recording's noise.
 *
 * <p><b>Quiet input:</b> with {@code liftQuietInput} the log energies are those of the newest frame times the
 * {@link QuietInputLift} factor, which is exactly 1 for input whose loud voiced passages lie in the trained level
 * range (once its first voiced frames are measured); the other 36 features do not depend on level. The Denoiser
 * lifts; the trainer does not, because its mixtures are drawn inside that range.
 */
public final class FeatureExtractor {
    public static final int FEATURES = GainPredictor.FEATURES;
    public static final int ENERGY_OFFSET = 0;
    public static final int COHERENCE_OFFSET = ErbBands.BANDS;
    public static final int PERIOD_INDEX = 2 * ErbBands.BANDS;
    public static final int CORRELATION_INDEX = PERIOD_INDEX + 1;

    /** Added to band energies before the log so silence maps to a finite floor. */
    public static final float LOG_ENERGY_FLOOR = 1e-8f;
    /**
     * Band energy sum of the newest frame below which it counts as silence (white noise at about −93 dBFS, so 16-bit
     * dither alone, about −96 dBFS, is silence too): the network is not stepped on it (see {@code
     * GainPredictor.holdsThroughSilence}) and the quiet-input lift does not measure it. Not the training mask's
     * {@link TrainingFrames#SILENT_FRAME_ENERGY}, 20 dB lower, below which the loss ignores a frame.
     */
    public static final float SILENT_FRAME_ENERGY = 1e-4f;
    /** Regulariser of the coherence denominator (energy² units). */
    static final double COHERENCE_EPSILON = 1e-30;

    private final FrameStream stream;
    private final PitchTracker pitch;
    /** Spectra of the last M + 1 frames, so Y(ℓ) is the stored spectrum of frame ℓ, not a new FFT. */
    private final Spectrum[] recentSpectra;
    private long framesAnalysed;
    private final float[] newestEnergy = new float[ErbBands.BANDS];
    private final float[] energy = new float[ErbBands.BANDS];
    private final float[] combEnergy = new float[ErbBands.BANDS];
    private final float[] crossEnergy = new float[ErbBands.BANDS];
    private final float[] coherence = new float[ErbBands.BANDS];
    private final float[] features = new float[FEATURES];
    /** The {@link CombFilter} code applied to output frame ℓ. */
    private int comb;
    /** Reach of the one-sided comb at M = 0 that the network was trained with; 0 = none. */
    private int pastCombReach;
    private boolean newestFrameSilent;
    /** Null when the features are of the input as it is (training). */
    private final QuietInputLift lift;

    public FeatureExtractor(int maxLookahead, boolean liftQuietInput) {
        this.lift = liftQuietInput ? new QuietInputLift() : null;
        this.stream = new FrameStream(maxLookahead);
        this.pitch = new PitchTracker(maxLookahead);
        this.recentSpectra = new Spectrum[maxLookahead + 1];
        for (int i = 0; i < recentSpectra.length; i++) {
            recentSpectra[i] = new Spectrum();
        }
    }

    /** Sets M and clears all state. No allocation. */
    public void setLookahead(int frames) {
        stream.setLookahead(frames);
        pitch.setLookahead(frames);
        comb = 0;
        framesAnalysed = 0;
        newestFrameSilent = true;
        for (Spectrum spectrum : recentSpectra) {
            spectrum.clear();
        }
        java.util.Arrays.fill(features, 0f);
        if (lift != null) {
            lift.reset();
        }
    }

    public int lookahead() {
        return stream.lookahead();
    }

    /**
     * The one-sided comb used at M = 0, in samples of reach (0: none; see {@link CombFilter}): must be what the
     * network was trained with. Takes effect with the next frame; no allocation.
     */
    public void setPastCombReach(int samples) {
        pastCombReach = CombFilter.requirePastReach(samples);
    }

    public void reset() {
        setLookahead(stream.lookahead());
    }

    /** Analyses one new hop of 480 samples; afterwards the getters describe output frame ℓ. */
    public void analyse(float[] hop) {
        stream.push(hop);
        Spectrum newest = recentSpectra[(int) (framesAnalysed % recentSpectra.length)];
        stream.analyseNewestFrame(newest);
        ErbBands.energies(newest, newestEnergy);
        double energySum = 0;
        for (float e : newestEnergy) {
            energySum += e;
        }
        newestFrameSilent = energySum < SILENT_FRAME_ENERGY;
        pitch.update(stream.samples(), stream.outputFrameStart());
        float energyFactor = 1f;
        if (lift != null) {
            // only voiced frames measure the level: quiet noise alone (room tone) is not speech to bring up
            lift.update(energySum, !newestFrameSilent && pitch.newestVoiced());
            energyFactor = lift.energyFactor();
        }

        int period = pitch.period();
        comb = CombFilter.code(period, stream.lookaheadSamples(), pastCombReach);
        // Frame ℓ = newest − M was the newest frame M hops ago (before the start: a frame of zeros).
        int outputSlot = (int) ((framesAnalysed + recentSpectra.length - stream.lookahead()) % recentSpectra.length);
        stream.analyseOutputFrame(recentSpectra[outputSlot], period, comb);
        framesAnalysed++;
        ErbBands.energiesAndCross(stream.y, stream.p, energy, combEnergy, crossEnergy);
        coherence(crossEnergy, energy, combEnergy, coherence);

        assembleFeatures(energyFactor);
    }

    /** q_b = C_b / sqrt(E_a,b·E_b,b + ε), clamped to [0, 1]. */
    public static void coherence(float[] cross, float[] energyA, float[] energyB, float[] dst) {
        for (int b = 0; b < ErbBands.BANDS; b++) {
            double q = cross[b] / Math.sqrt((double) energyA[b] * energyB[b] + COHERENCE_EPSILON);
            dst[b] = (float) Math.max(0.0, Math.min(1.0, q));
        }
    }

    private void assembleFeatures(float energyFactor) {
        for (int b = 0; b < ErbBands.BANDS; b++) {
            features[ENERGY_OFFSET + b] = logEnergyFeature(newestEnergy[b] * energyFactor);
            features[COHERENCE_OFFSET + b] = coherence[b];
        }
        features[PERIOD_INDEX] = periodFeature(pitch.period());
        features[CORRELATION_INDEX] = pitch.newestCorrelation();
    }

    public static float logEnergyFeature(float bandEnergy) {
        return (float) (Math.log10(bandEnergy + LOG_ENERGY_FLOOR) * 0.25 + 1.0);
    }

    public static float periodFeature(int period) {
        float centre = 0.5f * (PitchTracker.MIN_PERIOD + PitchTracker.MAX_PERIOD);
        float halfRange = 0.5f * (PitchTracker.MAX_PERIOD - PitchTracker.MIN_PERIOD);
        return (period - centre) / halfRange;
    }

    /** The 70 features of the last hop (live array: copy if kept). */
    public float[] features() {
        return features;
    }

    /** The analysed stream: Y(ℓ), P(ℓ) and the history. */
    public FrameStream stream() {
        return stream;
    }

    /** E_Y,b(ℓ) of the output frame. */
    public float[] outputFrameEnergy() {
        return energy;
    }

    /** E_P,b(ℓ) of the comb-filtered output frame. */
    public float[] combFrameEnergy() {
        return combEnergy;
    }

    /** q_y,b(ℓ). */
    public float[] coherence() {
        return coherence;
    }

    /** T(ℓ) in 48 kHz samples. */
    public int period() {
        return pitch.period();
    }

    /** The {@link CombFilter} code of the comb applied to frame ℓ (K per side, or −K past periods). */
    public int combCode() {
        return comb;
    }

    public float frameCorrelation() {
        return pitch.frameCorrelation();
    }

    public boolean voiced() {
        return pitch.voiced();
    }

    /** Whether the newest frame (the one the energy features describe) is silence: {@link #SILENT_FRAME_ENERGY}. */
    public boolean newestFrameSilent() {
        return newestFrameSilent;
    }

    /** The lift on the log-energy features of the last hop, dB (0 without lifting). */
    public double quietInputLiftDb() {
        return lift == null ? 0 : lift.liftDb();
    }
}
