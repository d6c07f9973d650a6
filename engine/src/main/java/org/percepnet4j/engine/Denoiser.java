package org.percepnet4j.engine;

import org.percepnet4j.engine.dsp.CombFilter;
import org.percepnet4j.engine.dsp.ErbBands;
import org.percepnet4j.engine.dsp.FeatureExtractor;
import org.percepnet4j.engine.dsp.FrameStream;
import org.percepnet4j.engine.dsp.PitchMixer;
import org.percepnet4j.engine.dsp.PostFilter;
import org.percepnet4j.engine.dsp.SampleGuard;
import org.percepnet4j.engine.dsp.Spectrum;
import org.percepnet4j.engine.dsp.Stft;

/**
 * The PercepNet frame pipeline at 48 kHz, one 10 ms hop at a time, for 1..N linked channels.
 *
 * <p>Linked channels: one analysis of the channel mean (features, pitch, network), and the same band gains,
 * strengths and pitch period applied to each channel's own spectrum, so the stereo image stays put.
 *
 * <p>Timing: hop h brings input samples [480h, 480h + 480). The analysis window of the newest frame ends
 * there; output frame ℓ = h − M is synthesised, and overlap-add completes samples [480(ℓ − 1), 480ℓ):
 * the output is the input delayed by {@link #delaySamples()} = (1 + M)·480 samples.
 *
 * <p>Real-time safe after construction: {@link #processHop} does not allocate, lock, log or throw for
 * well-formed arrays. Non-finite input samples become silence and are counted; output is bounded by
 * {@link #OUTPUT_LIMIT}. Not thread-safe: one audio thread drives an instance.
 */
public final class Denoiser {
    public static final int SAMPLE_RATE = Stft.SAMPLE_RATE;
    public static final int HOP = Stft.HOP;
    /** Hard bound on output samples (+30 dBFS): a last line of defence, never reached by sane input. */
    public static final float OUTPUT_LIMIT = 32f;
    /** Largest attenuation limit honoured (a floor of 10^(−200/20)). */
    public static final float MAX_ATTENUATION_LIMIT_DB = 200f;

    private static final int BANDS = ErbBands.BANDS;

    /** One predictor per look-ahead M (shared between look-aheads that run the same network). */
    private final GainPredictor[] predictors;
    /** Element M: the one-sided comb reach the network for look-ahead M was trained with (features depend on it). */
    private final int[] pastCombReaches;
    /** The predictor of the current look-ahead. */
    private GainPredictor predictor;
    private final int channels;
    private final int maxLookahead;

    private final FeatureExtractor analysis;
    /** Per-channel Y/P streams; for mono the analysis stream itself. */
    private final FrameStream[] channelStreams;
    private final float[] analysisHop = new float[HOP];
    private final float[][] overlap;
    private final float[] synthesis = new float[Stft.WINDOW];

    /**
     * What each stage hands to the next, as a ring: analysis of hop h writes slot h mod length, prediction and
     * synthesis read it. Two slots let the analysis of hop h + 1 run while hop h is synthesised (see
     * {@link #analyseHop}); an offline renderer that runs analysis further ahead asks for more with
     * {@link #setHopsAhead}. In {@link #processHop} the stages simply follow each other.
     */
    private HopSlot[] slots = new HopSlot[0];
    /** The slots' feature, raw gain and strength arrays in ring order, for {@link GainPredictor#predictBlock}. */
    private float[][] slotFeatures;
    private float[][] slotGains;
    private float[][] slotStrengths;
    private long analysedHops;
    private long predictedHops;
    private long synthesisedHops;
    /** Pitch of the last synthesised frame (what the meters show). */
    private int lastPeriod;
    private boolean lastVoiced;
    /** Synthesis has its own transform scratch: in mono the analysis stream's may be busy with the next hop. */
    private final Stft synthesisStft = new Stft();
    private final float[] gains = new float[BANDS];
    /** The predictor's last outputs, reused on silent hops when it holds through silence. */
    private final float[] heldGains = new float[BANDS];
    private final float[] heldStrengths = new float[BANDS];
    private final float[] gainBins = new float[Stft.BINS];
    private final float[] strengthBins = new float[Stft.BINS];
    private final PitchMixer pitchMixer = new PitchMixer();
    private final Spectrum mixed = new Spectrum();

    private int lookahead;
    private float gainFloor;
    private float postFilterAmount;
    private long nonFiniteSamples;

    /** Allocates everything; {@code maxLookaheadFrames} bounds {@link #setLookahead}. Starts with M = max. */
    public Denoiser(GainModel model, int channels, int maxLookaheadFrames) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        if (maxLookaheadFrames < 0) {
            throw new IllegalArgumentException("maxLookaheadFrames must be >= 0, got " + maxLookaheadFrames);
        }
        this.predictors = new GainPredictor[maxLookaheadFrames + 1];
        this.pastCombReaches = new int[maxLookaheadFrames + 1];
        java.util.Map<GainModel, GainPredictor> byNetwork = new java.util.IdentityHashMap<>();
        for (int m = 0; m <= maxLookaheadFrames; m++) {
            GainModel network = model.forLookahead(m);
            predictors[m] = byNetwork.computeIfAbsent(network, GainModel::newPredictor);
            // checked here, so that switching look-ahead on the audio thread cannot throw
            pastCombReaches[m] = CombFilter.requirePastReach(network.pastCombReach());
        }
        this.predictor = predictors[maxLookaheadFrames];
        this.channels = channels;
        this.maxLookahead = maxLookaheadFrames;
        this.analysis = new FeatureExtractor(maxLookaheadFrames, true);
        this.channelStreams = new FrameStream[channels];
        if (channels == 1) {
            channelStreams[0] = analysis.stream();
        } else {
            for (int c = 0; c < channels; c++) {
                channelStreams[c] = new FrameStream(maxLookaheadFrames);
            }
        }
        setHopsAhead(1);
        this.overlap = new float[channels][HOP];
        setAttenuationLimitDb((float) Parameter.SUPPRESSION.defaultValue());
        setPostFilterAmount((float) (Parameter.POST_FILTER.defaultValue() / 100.0));
        setLookahead(maxLookaheadFrames);
    }

    /**
     * How many hops {@link #analyseHop} may run ahead of {@link #synthesiseHop} (1 unless an offline renderer
     * asks for more); the default 1 is enough for {@link #processHop}. Allocates: call while no stage runs.
     * Keeps the state and the hops already analysed.
     */
    public void setHopsAhead(int hops) {
        if (hops < 1 || hops > 4096) {
            throw new IllegalArgumentException("hops ahead must be from 1 to 4096, got " + hops);
        }
        if (hops + 1 == slots.length) {
            return;
        }
        // Hops already in the ring keep their numbers: move them to the slots they map to in the new ring.
        HopSlot[] resized = new HopSlot[hops + 1];
        if (analysedHops - synthesisedHops > resized.length) {
            throw new IllegalStateException((analysedHops - synthesisedHops) + " hops are analysed ahead, more than "
                    + resized.length + " slots hold");
        }
        for (long h = synthesisedHops; h < analysedHops; h++) {
            resized[(int) (h % resized.length)] = slots[(int) (h % slots.length)];
        }
        for (int i = 0; i < resized.length; i++) {
            if (resized[i] == null) {
                resized[i] = new HopSlot(channels);
            }
        }
        slots = resized;
        slotFeatures = new float[resized.length][];
        slotGains = new float[resized.length][];
        slotStrengths = new float[resized.length][];
        for (int i = 0; i < resized.length; i++) {
            slotFeatures[i] = resized[i].features;
            slotGains[i] = resized[i].rawGains;
            slotStrengths[i] = resized[i].strengths;
        }
    }

    /**
     * Look-ahead M in frames, 0..maxLookaheadFrames; switches to the model's network for M
     * ({@link GainModel#forLookahead}). Resets all state; no allocation.
     */
    public void setLookahead(int frames) {
        if (frames < 0 || frames > maxLookahead) {
            throw new IllegalArgumentException("lookahead " + frames + " outside 0.." + maxLookahead);
        }
        lookahead = frames;
        predictor = predictors[frames];
        reset();
    }

    public int lookahead() {
        return lookahead;
    }

    /** Gain floor: no band is pulled more than {@code db} dB below its input (0 = nothing removed). */
    public void setAttenuationLimitDb(float db) {
        if (Float.isNaN(db)) {
            return;
        }
        float limited = Math.max(0f, Math.min(MAX_ATTENUATION_LIMIT_DB, db));
        gainFloor = (float) Math.pow(10.0, -limited / 20.0);
    }

    /** 0 = raw network gains, 1 = the full envelope post-filter (β = 0.02); see {@link PostFilter}. */
    public void setPostFilterAmount(float amount) {
        if (Float.isNaN(amount)) {
            return;
        }
        postFilterAmount = Math.max(0f, Math.min(1f, amount));
    }

    /** Hop-in to hop-out delay: (1 + lookahead)·480 samples. */
    public int delaySamples() {
        return (1 + lookahead) * HOP;
    }

    public int channels() {
        return channels;
    }

    public int maxLookahead() {
        return maxLookahead;
    }

    /** Clears signal history, pitch track, overlap buffers and the predictor's state. */
    public void reset() {
        analysis.setLookahead(lookahead);
        analysis.setPastCombReach(pastCombReaches[lookahead]);
        if (channels > 1) {
            for (FrameStream s : channelStreams) {
                s.setLookahead(lookahead);
            }
        }
        for (float[] o : overlap) {
            java.util.Arrays.fill(o, 0f);
        }
        java.util.Arrays.fill(gains, 1f);
        java.util.Arrays.fill(heldGains, 1f);
        java.util.Arrays.fill(heldStrengths, 0f);
        predictor.reset();
        analysedHops = 0;
        predictedHops = 0;
        synthesisedHops = 0;
        lastPeriod = 0;
        lastVoiced = false;
    }

    /**
     * Processes one hop: {@code in} and {@code out} are [channels][≥ 480]; they may be the same arrays.
     * Follows spec §1: analysis of frame ℓ + M, network, gains and strengths, synthesis of frame ℓ. Exactly
     * {@link #analyseHop}, {@link #predictHop} and {@link #synthesiseHop} in a row.
     */
    public void processHop(float[][] in, float[][] out) {
        analyseHop(in);
        predictHop();
        synthesiseHop(out);
    }

    /**
     * First stage of a hop, which depends on the input alone: input guard, mix-down, and the analysis (STFT and
     * band energies of frame ℓ + M, pitch T(ℓ) by the DP tracker, comb filter and its STFT for frame ℓ, pitch
     * coherence, the 70 features). {@code in} is read before this returns.
     *
     * <p>The three stages must run in hop order, each stage's hops in sequence, and analysis may be at most
     * {@link #setHopsAhead} hops (1 by default) ahead of synthesis. Analysis and prediction of later hops touch
     * nothing that synthesis of hop h uses, so an offline renderer may run them on another thread meanwhile (with
     * a happens-before edge between the threads at each hand-over): the output is bit-identical to
     * {@link #processHop}.
     */
    public void analyseHop(float[][] in) {
        HopSlot slot = slots[(int) (analysedHops % slots.length)];
        // Input: NaN/Inf → silence, clamp, flush denormals; one analysis signal for the linked channels.
        for (int c = 0; c < channels; c++) {
            nonFiniteSamples += SampleGuard.sanitise(in[c], 0, slot.input[c], HOP);
        }
        mixDownForAnalysis(slot.input);
        analysis.analyse(analysisHop);
        System.arraycopy(analysis.features(), 0, slot.features, 0, slot.features.length);
        System.arraycopy(analysis.outputFrameEnergy(), 0, slot.energyY, 0, BANDS);
        slot.period = analysis.period();
        slot.comb = analysis.combCode();
        slot.voiced = analysis.voiced();
        slot.silent = analysis.newestFrameSilent();
        if (channels == 1) {
            // The next hop's analysis overwrites the stream's Y(ℓ) and P(ℓ).
            slot.y.copyFrom(analysis.stream().y);
            slot.p.copyFrom(analysis.stream().p);
        }
        analysedHops++;
    }

    /** Second stage: the network (or oracle) turns the analysed hop's features into 34 gains and 34 strengths. */
    public void predictHop() {
        HopSlot slot = slots[(int) (predictedHops % slots.length)];
        if (held(slot)) {
            reuseHeldOutput(slot);
        } else {
            predictor.predict(slot.features, slot.rawGains, slot.strengths);
            sanitiseModelOutput(slot.rawGains, slot.strengths);
            hold(slot);
        }
        predictedHops++;
    }

    /**
     * Whether the predictor skips this hop. Digital silence is held over wherever it comes, before the first sound
     * or between clips: on VALIDATION (12 mixtures per cell of babble and typing, whose recordings have gaps of
     * silence) holding every silent hop measured +1.5 dB summed over the cells and look-aheads, stepping the first
     * half second of each gap and holding after it +1.2, and a 0.3 s gap between two clips of recorded ambience,
     * stepped through, cost the second clip 2 dB.
     */
    private boolean held(HopSlot slot) {
        return slot.silent && predictor.holdsThroughSilence();
    }

    /** The network on hops {@code from}..{@code to} − 1 after {@code first} as one block (none if from &lt; 0). */
    private void predictRun(int first, int from, int to) {
        if (from < 0 || from >= to) {
            return;
        }
        predictor.predictBlock(slotFeatures, slotGains, slotStrengths, (first + from) % slots.length, to - from);
        for (int j = from; j < to; j++) {
            HopSlot slot = slots[(first + j) % slots.length];
            sanitiseModelOutput(slot.rawGains, slot.strengths);
        }
        hold(slots[(first + to - 1) % slots.length]);
    }

    private void reuseHeldOutput(HopSlot slot) {
        System.arraycopy(heldGains, 0, slot.rawGains, 0, BANDS);
        System.arraycopy(heldStrengths, 0, slot.strengths, 0, BANDS);
    }

    private void hold(HopSlot slot) {
        System.arraycopy(slot.rawGains, 0, heldGains, 0, BANDS);
        System.arraycopy(slot.strengths, 0, heldStrengths, 0, BANDS);
    }

    /**
     * Second stage for the next {@code count} analysed hops at once ({@link GainPredictor#predictBlock}): the
     * same results as {@code count} calls of {@link #predictHop}, but the network can use each weight for every
     * hop of the block, which is what makes offline rendering faster. {@code count} must not exceed the hops
     * analysed and not yet predicted.
     */
    public void predictHops(int count) {
        if (count < 0 || count > analysedHops - predictedHops) {
            throw new IllegalArgumentException("cannot predict " + count + " hops: "
                    + (analysedHops - predictedHops) + " are analysed and waiting");
        }
        int first = (int) (predictedHops % slots.length);
        // Hops the network steps go to it in blocks: each run between held hops is one block.
        int runStart = -1;
        for (int i = 0; i < count; i++) {
            HopSlot slot = slots[(first + i) % slots.length];
            if (held(slot)) {
                predictRun(first, runStart, i);
                runStart = -1;
                reuseHeldOutput(slot);
            } else if (runStart < 0) {
                runStart = i;
            }
        }
        predictRun(first, runStart, count);
        predictedHops += count;
    }

    /**
     * Last stage: post-filter and attenuation limit, then per channel (with the shared period and gains) its own
     * Y(ℓ) and P(ℓ), pitch mix, gains, inverse STFT, overlap-add. Writes {@code out} [channels][≥ 480].
     */
    public void synthesiseHop(float[][] out) {
        HopSlot slot = slots[(int) (synthesisedHops % slots.length)];
        // Envelope post-filter, then the user's attenuation limit; band values to bins.
        PostFilter.apply(slot.rawGains, slot.energyY, postFilterAmount, gains);
        applyGainFloor(gains, gainFloor);
        ErbBands.toBins(gains, gainBins);
        ErbBands.toBins(slot.strengths, strengthBins);

        for (int c = 0; c < channels; c++) {
            if (channels == 1) {
                // Mono: the analysis already holds Y(ℓ), P(ℓ) and E_Y(ℓ) of this very spectrum.
                synthesizeChannel(slot.y, slot.p, slot.energyY, overlap[c], out[c]);
            } else {
                FrameStream stream = channelStreams[c];
                stream.push(slot.input[c]);
                stream.analyseOutputFrame(slot.period, slot.comb);
                synthesizeChannel(stream.y, stream.p, null, overlap[c], out[c]);
            }
        }
        lastPeriod = slot.period;
        lastVoiced = slot.voiced;
        synthesisedHops++;
    }

    /** Last applied band gains (after post-filter and attenuation limit), for meters. */
    public void bandGains(float[] dst34) {
        System.arraycopy(gains, 0, dst34, 0, BANDS);
    }

    /** Pitch of the last output frame in Hz, 0 when unvoiced. */
    public float pitchHz() {
        return lastVoiced ? (float) SAMPLE_RATE / lastPeriod : 0f;
    }

    public boolean voiced() {
        return lastVoiced;
    }

    /** NaN/Inf input samples replaced by silence since construction. */
    public long nonFiniteSamples() {
        return nonFiniteSamples;
    }

    private void mixDownForAnalysis(float[][] inputHops) {
        if (channels == 1) {
            System.arraycopy(inputHops[0], 0, analysisHop, 0, HOP);
            return;
        }
        float scale = 1f / channels;
        java.util.Arrays.fill(analysisHop, 0f);
        for (int c = 0; c < channels; c++) {
            float[] x = inputHops[c];
            for (int n = 0; n < HOP; n++) {
                analysisHop[n] += x[n];
            }
        }
        for (int n = 0; n < HOP; n++) {
            analysisHop[n] *= scale;
        }
    }

    /** Gains and strengths into [0, 1]; a NaN gain passes the band unchanged, a NaN strength means no comb. */
    private static void sanitiseModelOutput(float[] gains, float[] strengths) {
        for (int b = 0; b < BANDS; b++) {
            float g = gains[b];
            gains[b] = g >= 0f ? Math.min(1f, g) : (g < 0f ? 0f : 1f);
            float r = strengths[b];
            strengths[b] = r >= 0f ? Math.min(1f, r) : 0f;
        }
    }

    private static void applyGainFloor(float[] gains, float floor) {
        for (int b = 0; b < BANDS; b++) {
            gains[b] = Math.max(floor, gains[b]);
        }
    }

    /** Pitch mix, band gains to bins, inverse STFT, overlap-add; writes 480 bounded samples. E_Y may be null (computed). */
    private void synthesizeChannel(Spectrum y, Spectrum p, float[] knownEnergyY, float[] overlapTail, float[] out) {
        if (knownEnergyY != null) {
            pitchMixer.mix(y, p, knownEnergyY, strengthBins, mixed);
        } else {
            pitchMixer.mix(y, p, strengthBins, mixed);
        }
        for (int k = 0; k < Stft.BINS; k++) {
            mixed.re[k] *= gainBins[k];
            mixed.im[k] *= gainBins[k];
        }
        synthesisStft.inverse(mixed, synthesis);
        for (int n = 0; n < HOP; n++) {
            float v = overlapTail[n] + synthesis[n];
            out[n] = Math.max(-OUTPUT_LIMIT, Math.min(OUTPUT_LIMIT, v));
            overlapTail[n] = synthesis[HOP + n];
        }
    }

    /** One hop's hand-over between the stages. */
    private static final class HopSlot {
        /** Sanitised input, [channels][480]. */
        final float[][] input;
        final float[] features = new float[GainPredictor.FEATURES];
        /** E_Y,b(ℓ) of the analysis signal. */
        final float[] energyY = new float[BANDS];
        int period;
        int comb;
        boolean voiced;
        /** The newest frame of this hop's analysis is silence (the network may be held over it). */
        boolean silent;
        /** Mono only: Y(ℓ) and P(ℓ). */
        final Spectrum y = new Spectrum();
        final Spectrum p = new Spectrum();
        final float[] rawGains = new float[BANDS];
        final float[] strengths = new float[BANDS];

        HopSlot(int channels) {
            this.input = new float[channels][HOP];
        }
    }
}
