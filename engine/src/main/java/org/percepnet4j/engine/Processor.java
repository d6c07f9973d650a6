package org.percepnet4j.engine;

import java.util.Arrays;
import java.util.Objects;

import org.percepnet4j.engine.resample.PolyphaseResampler;
import org.percepnet4j.engine.resample.RateRatio;

/**
 * What every host talks to: any block size, sample rate (8 to 192 kHz) and channel count (1 to 8) in, the
 * {@link Denoiser}'s 48 kHz, 480-sample hops inside, with the user {@link Parameter}s, meters and an exact latency.
 *
 * <h2>Signal path, per host sample</h2>
 * <pre>
 * input → sanitise (NaN/Inf → 0, clamp ±1000, flush denormals) ─┬→ dry delay line (latency samples)
 *       → [host→48 kHz polyphase resampler] → hop FIFO → Denoiser.processHop (when the hop's last sample arrives)
 *       → [48 kHz→host polyphase resampler] → output FIFO ─→ wet
 * out = bypass·dry + (1 − bypass)·gain·(wet + listen·(dry − 2·wet))    (listen = 1: dry − wet, what was removed)
 *     → reconfiguration fade → soft limiter (ceiling 0 dBFS)
 * </pre>
 *
 * <h2>Latency</h2>
 * Each output sample is taken from the output FIFO <em>before</em> the input sample of the same index is pushed,
 * so it can only use hops completed earlier. At 48 kHz this gives exactly {@code 480 + Denoiser.delaySamples()}
 * = (2 + M)·480. At other rates, {@link #prepare} computes the smallest extra delay of the output resampler that
 * (a) keeps every output sample computable in time whatever the alignment of hops and host samples, and (b)
 * makes the total — input resampler + Denoiser + output resampler — a whole number of host samples. The dry
 * path is delayed by the same number, so bypass and "listen to removed" are sample-aligned.
 *
 * <h2>Rate conversion rather than native band mapping</h2>
 * The network is trained on 48 kHz features (10 ms hops, 960-point Vorbis window, 34 ERB bands to 20 kHz,
 * pitch lags in 48 kHz samples). Mapping bands natively at 44.1 kHz would need 441-sample hops, a non-power-of-2
 * FFT, different bin-to-band weights and a pitch search on another lag grid: features the network never saw.
 * The polyphase converters (Kaiser, 100 dB stopband, flat to 0.4535·min(rate, 48 kHz), i.e. 20 kHz at 44.1 kHz)
 * add about 1.6 ms at 44.1 kHz and keep the engine bit-identical to what was trained and tested.
 *
 * <h2>Threads</h2>
 * {@link #prepare} and {@link #reset} are called while audio is stopped; {@link #process} on the audio thread
 * never allocates, locks, logs or throws. {@link #setParameter}, {@link #getParameter}, {@link #readMeters} and
 * {@link #latencySamples} may be called from any thread at any time.
 *
 * <h2>Parameter changes</h2>
 * Values are read once per block and smoothed: output gain per sample (one-pole, 15 ms), bypass and listen per
 * sample (linear 20 ms crossfades), suppression and post-filter per hop (one-pole, ~28 ms). Look-ahead and
 * dual mono need a different Denoiser state: the output fades out (10 ms), the new configuration starts from a
 * clean state, stays muted until its first real output has passed (latency + one hop) and fades back in.
 * Until the first sample after {@link #prepare} / {@link #reset}, changes apply at once with no fade.
 *
 * <h2>Limiter</h2>
 * A safety limiter keeps the output within ±1.0 (0 dBFS): a peak envelope over all channels (instant attack,
 * 100 ms release, never below the ceiling) sets one gain {@code ceiling / envelope} for every channel, so the
 * image does not move. Material that stays within full scale passes bit-transparently.
 */
public final class Processor {

    public static final double MIN_SAMPLE_RATE = 8_000;
    public static final double MAX_SAMPLE_RATE = 192_000;
    public static final int MAX_CHANNELS = 8;
    /** Largest accepted {@code maxBlockSize}; it is only a hint, nothing is sized by it. */
    public static final int MAX_BLOCK_SIZE = 1 << 24;
    /** Look-ahead range of the Parameter (0..20 ms) in hops. */
    public static final int MAX_LOOKAHEAD_FRAMES = 2;
    /** Output ceiling of the safety limiter (0 dBFS). */
    public static final float OUTPUT_CEILING = 1.0f;
    /** Input samples beyond ±this (60 dB over full scale) are clamped. */
    public static final float INPUT_LIMIT = 1000f;

    private static final int HOP = Denoiser.HOP;
    /**
     * Most hops the analysis thread analyses and predicts in one go: the network runs a block of hops with each
     * weight fetched once ({@link GainPredictor#predictBlock}).
     */
    static final int AHEAD_BATCH = 16;
    /** Most hops handed to the analysis thread beyond the one in synthesis (the Denoisers' rings hold them). */
    static final int AHEAD_HOPS = 128;
    /**
     * Input samples after a block that the analysis thread can use at most (see {@link #process(float[][],
     * float[][], int, int)}): offline renderers that read this far ahead keep it busy across block boundaries.
     */
    public static final int ANALYSIS_READ_AHEAD = (AHEAD_HOPS + 1) * HOP;
    private static final Parameter[] PARAMETERS = Parameter.values();
    private static final float DENORMAL_FLOOR = 1e-25f;
    private static final double OUTPUT_GAIN_SECONDS = 0.015;
    private static final double CROSSFADE_SECONDS = 0.020;
    private static final double RECONFIGURE_FADE_SECONDS = 0.010;
    private static final double LIMITER_RELEASE_SECONDS = 0.100;
    /** Per-hop one-pole coefficient for suppression and post-filter: time constant of about 28 ms. */
    private static final float HOP_SMOOTHING = 0.3f;

    private enum Fade { RUNNING, FADING_OUT, HOLDING, FADING_IN }

    /**
     * One parameter's value, written by any thread, read by the audio thread once per block. A volatile field
     * (atomic for doubles) rather than AtomicLongArray, whose VarHandle calls link lazily and allocate now and
     * then on the audio thread while the JIT warms up.
     */
    private static final class ParameterCell {
        volatile double value;

        ParameterCell(double value) {
            this.value = value;
        }
    }

    private final GainModel model;
    private final ParameterCell[] parameterValues = new ParameterCell[PARAMETERS.length];
    private final MeterExchange meters = new MeterExchange();

    /** Written last by prepare: everything prepare wrote is visible to a thread that has read it. */
    private volatile boolean prepared;
    private double sampleRate = Denoiser.SAMPLE_RATE;
    private int channels = 1;
    private int maxBlockSize;

    private RateRatio ratio;
    private PolyphaseResampler toEngine;
    private PolyphaseResampler toHost;
    private final int[] latencyByLookahead = new int[MAX_LOOKAHEAD_FRAMES + 1];
    private final int[] outputDelayByLookahead = new int[MAX_LOOKAHEAD_FRAMES + 1];

    private Denoiser linked;
    private Denoiser[] perChannel;
    /** Offline only (see {@link #setAnalysisThread}): analysis and network of later hops, null = serial. */
    private HopWorker analysisThread;
    /**
     * Sanitised input of the hops handed to the thread, a ring indexed by the worker's hop number modulo its
     * length, [ring][channels][480], and per channel as [channels][ring][1][480].
     */
    private float[][][] aheadIn;
    private float[][][][] channelAheadIn;
    /** Hops the thread finished that were collected for a state change (or its stop), not yet synthesised. */
    private int readyAhead;
    /** Frames of the block in progress, and the block index just after the segment being pushed. */
    private int blockFrames;
    /** Input samples of the next block already given after this one (offline, see process with nextFrames). */
    private int blockAhead;
    private int segmentEnd;
    private float[][] hopIn;
    private float[][] hopOut;
    private float[][][] channelHopIn;
    private float[][][] channelHopOut;
    private int hopFill;
    private long hopCount;

    private float[][] segmentIn;
    private float[] mixed;
    private float[][] engineFrames;
    private float[][] hostFrames;
    private float[][] inRef;
    private float[][] outRef;

    private float[][] wet;
    private int wetMask;
    private int wetRead;
    private int wetWrite;
    private float[][] dry;
    private int dryMask;
    private int dryWrite;

    private int activeLookahead;
    private boolean activeDualMono;
    /** Look-ahead and dual mono as read at the start of the current block (the configuration a fade switches to). */
    private int blockLookahead;
    private boolean blockDualMono;
    private int activeLatency;
    private boolean fresh;
    private Fade fade = Fade.RUNNING;
    private float fadeGain = 1;
    private float fadeStep;
    private int holdRemaining;

    private float gainTarget = 1;
    private float gain = 1;
    private float gainCoeff;
    private float bypassTarget;
    private float bypass;
    private float listenTarget;
    private float listen;
    private float crossfadeStep;
    private float suppressionTarget;
    private float suppression;
    private float postFilterTarget;
    private float postFilter;

    private float limiterEnvelope = OUTPUT_CEILING;
    private float limiterRelease;

    private double inputPower;
    private double outputPower;
    private int meterSamples;
    private final double[] hopInputPower = new double[4];
    private final float[] bandScratch = new float[GainPredictor.BANDS];
    private final float[] bandSum = new float[GainPredictor.BANDS];
    private final float[] bandDb = new float[GainPredictor.BANDS];
    private long nonFiniteInput;

    /** @param model the gain model every Denoiser of this processor runs (shared, immutable) */
    public Processor(GainModel model) {
        this.model = Objects.requireNonNull(model, "model");
        for (Parameter p : PARAMETERS) {
            parameterValues[p.ordinal()] = new ParameterCell(p.defaultValue());
        }
    }

    /**
     * Allocates everything for a rate, a largest block and a channel count, and resets. Parameters keep their
     * values. Call while audio is stopped.
     *
     * @throws IllegalArgumentException when the rate is not within 8..192 kHz, the block size not within
     *                                  1..{@value #MAX_BLOCK_SIZE} or the channels not within 1..8
     */
    public void prepare(double sampleRate, int maxBlockSize, int channels) {
        if (!(sampleRate >= MIN_SAMPLE_RATE && sampleRate <= MAX_SAMPLE_RATE)) {
            throw new IllegalArgumentException("sample rate must be from 8000 to 192000 Hz, got " + sampleRate);
        }
        if (maxBlockSize < 1 || maxBlockSize > MAX_BLOCK_SIZE) {
            throw new IllegalArgumentException("maxBlockSize must be from 1 to " + MAX_BLOCK_SIZE + ", got "
                    + maxBlockSize);
        }
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be from 1 to " + MAX_CHANNELS + ", got " + channels);
        }
        prepared = false;
        awaitAnalysisThread();
        this.sampleRate = sampleRate;
        this.maxBlockSize = maxBlockSize;
        this.channels = channels;

        linked = new Denoiser(model, channels, MAX_LOOKAHEAD_FRAMES);
        perChannel = null;
        channelHopIn = null;
        channelHopOut = null;
        hopIn = new float[channels][HOP];
        hopOut = new float[channels][HOP];
        if (channels > 1) {
            perChannel = new Denoiser[channels];
            channelHopIn = new float[channels][][];
            channelHopOut = new float[channels][][];
            for (int c = 0; c < channels; c++) {
                perChannel[c] = new Denoiser(model, 1, MAX_LOOKAHEAD_FRAMES);
                channelHopIn[c] = new float[][] {hopIn[c]};
                channelHopOut[c] = new float[][] {hopOut[c]};
            }
        }
        if (analysisThread != null) {
            allocateAhead();
        }

        ratio = RateRatio.forHostRate(sampleRate);
        if (ratio.isIdentity()) {
            toEngine = null;
            toHost = null;
        } else {
            toEngine = PolyphaseResampler.forRatio(ratio, true, channels, 0);
            toHost = PolyphaseResampler.forRatio(ratio, false, channels, 0);
        }
        int taps = toEngine == null ? 1 : toEngine.prototype().length;
        for (int m = 0; m <= MAX_LOOKAHEAD_FRAMES; m++) {
            linked.setLookahead(m);
            LatencyPlan plan = LatencyPlan.compute(ratio, taps, linked.delaySamples());
            latencyByLookahead[m] = plan.latencySamples();
            outputDelayByLookahead[m] = plan.outputExtraDelay();
        }
        int maxLatency = latencyByLookahead[MAX_LOOKAHEAD_FRAMES];
        int hostPerHop = toHost == null ? HOP : toHost.maxOutputsFor(HOP);

        // the longest segment: the host inputs that make one hop, plus rounding
        int segmentMax = toEngine == null ? HOP : (int) ((long) HOP * toEngine.down() / toEngine.up()) + 2;
        segmentIn = new float[channels][segmentMax];
        mixed = new float[channels];
        engineFrames = new float[channels][toEngine == null ? 1 : toEngine.maxOutputsFor(segmentMax)];
        hostFrames = new float[channels][hostPerHop];
        inRef = new float[channels][];
        outRef = new float[channels][];
        int wetSize = Integer.highestOneBit(2 * maxLatency + 2 * hostPerHop + 64) << 1;
        wet = new float[channels][wetSize];
        wetMask = wetSize - 1;
        int drySize = Integer.highestOneBit(maxLatency + 1) << 1;
        dry = new float[channels][drySize];
        dryMask = drySize - 1;

        gainCoeff = (float) (1 - Math.exp(-1 / (OUTPUT_GAIN_SECONDS * sampleRate)));
        crossfadeStep = (float) (1 / (CROSSFADE_SECONDS * sampleRate));
        fadeStep = (float) (1 / (RECONFIGURE_FADE_SECONDS * sampleRate));
        limiterRelease = (float) Math.exp(-1 / (LIMITER_RELEASE_SECONDS * sampleRate));
        resetState();
        prepared = true;
    }

    /** Clears all signal state (host suspend/resume, a new render): the same input then gives the same output. */
    public void reset() {
        if (prepared) {
            resetState();
        }
    }

    /**
     * Processes {@code n} samples of every channel. {@code in} and {@code out} may be the same arrays.
     *
     * <p>Never throws: {@code n} above {@link #maxBlockSize()} is processed normally (the size is only a hint);
     * {@code n} is clamped to [0, the shortest channel array]; a missing input channel (null, or {@code in}
     * shorter than {@link #channels()}) reads as silence and a missing output channel is skipped; output channels
     * beyond {@link #channels()} are left untouched. Before {@link #prepare} the output is silence.
     */
    public void process(float[][] in, float[][] out, int n) {
        process(in, out, n, 0);
    }

    /**
     * Offline rendering with the analysis thread ({@link #setAnalysisThread}): {@link #process}, where
     * {@code in[c][n .. n + nextFrames)} already holds the first {@code nextFrames} input samples of the next call
     * (which must then begin with exactly those samples). The thread may start on hops that end there, so it does
     * not run dry at the end of every block. Only reads them: the output is the same as without them.
     */
    public void process(float[][] in, float[][] out, int n, int nextFrames) {
        if (!prepared) {
            writeSilence(out, n);
            return;
        }
        int frames = bindChannels(in, out, n);
        if (frames == 0) {
            return;
        }
        blockFrames = frames;
        blockAhead = frames == n ? aheadFrames(nextFrames) : 0;
        readBlockParameters();
        // Segments end where a hop completes, so each runs without calls: every output sample of a segment is
        // taken before any of its inputs is pushed, which is the same order as sample by sample (the output FIFO
        // only changes when a hop runs, at the segment's last push). During a reconfiguration fade, one sample
        // at a time.
        int i = 0;
        while (i < frames) {
            int segment;
            if (fade != Fade.RUNNING) {
                advanceFade();
                segment = 1;
            } else {
                segment = Math.min(frames - i, inputsUntilNextHop());
            }
            readSegment(i, segment);
            mixSegment(i, segment);
            segmentEnd = i + segment;
            pushSegment(segment);
            i += segment;
        }
        fresh = false;
    }

    /** Host inputs to push until the hop in the making is complete (at least 1). */
    private int inputsUntilNextHop() {
        return toEngine == null ? HOP - hopFill : toEngine.inputsUntilOutputs(HOP - hopFill);
    }

    /** Sanitised input of the segment into {@code segmentIn} (so {@code in} may be {@code out}). */
    private void readSegment(int from, int length) {
        for (int c = 0; c < channels; c++) {
            float[] src = inRef[c];
            float[] dst = segmentIn[c];
            if (src == null) {
                Arrays.fill(dst, 0, length, 0f);
            } else {
                for (int s = 0; s < length; s++) {
                    dst[s] = sanitize(src[from + s]);
                }
            }
        }
    }

    /** Output of the segment: wet from the FIFO, dry from the delay line, smoothing, mix, limiter. */
    private void mixSegment(int from, int length) {
        final int ch = channels;
        final float fadeNow = fadeGain;
        float g = gain;
        float b = bypass;
        float l = listen;
        float env = limiterEnvelope;
        double inPow = inputPower;
        double outPow = outputPower;
        int wr = wetRead;
        int dw = dryWrite;
        for (int s = 0; s < length; s++) {
            g += (gainTarget - g) * gainCoeff;
            b = ramp(b, bypassTarget, crossfadeStep);
            l = ramp(l, listenTarget, crossfadeStep);
            final float wetGain = (1 - b) * g * fadeNow;
            final float dryGain = b * fadeNow;
            final int wetIndex = wr & wetMask;
            final int dryIndex = (dw - activeLatency) & dryMask;
            final int dryPut = dw & dryMask;
            float peak = 0;
            for (int c = 0; c < ch; c++) {
                float w = wet[c][wetIndex];
                float d = dry[c][dryIndex];
                float x = segmentIn[c][s];
                dry[c][dryPut] = x;
                inPow += x * x;
                float y = dryGain * d + wetGain * (w + l * (d - 2 * w));
                mixed[c] = y;
                peak = Math.max(peak, Math.abs(y));
            }
            wr++;
            dw++;
            env = Math.max(peak, Math.max(OUTPUT_CEILING, env * limiterRelease));
            float limit = env > OUTPUT_CEILING ? OUTPUT_CEILING / env : 1f;
            for (int c = 0; c < ch; c++) {
                float y = Math.max(-OUTPUT_CEILING, Math.min(OUTPUT_CEILING, mixed[c] * limit));
                outPow += y * y;
                float[] dst = outRef[c];
                if (dst != null) {
                    dst[from + s] = y;
                }
            }
        }
        gain = g;
        bypass = b;
        listen = l;
        limiterEnvelope = env;
        inputPower = inPow;
        outputPower = outPow;
        wetRead = wr;
        dryWrite = dw;
        meterSamples += length;
    }

    /** Pushes the segment's input towards the Denoiser; a completed hop runs at once. */
    private void pushSegment(int length) {
        final int ch = channels;
        if (toEngine == null) {
            for (int c = 0; c < ch; c++) {
                System.arraycopy(segmentIn[c], 0, hopIn[c], hopFill, length);
            }
            hopFill += length;
            if (hopFill == HOP) {
                runHop();
            }
            return;
        }
        int produced = toEngine.process(segmentIn, 0, length, engineFrames, 0);
        for (int k = 0; k < produced; k++) {
            for (int c = 0; c < ch; c++) {
                hopIn[c][hopFill] = engineFrames[c][k];
            }
            if (++hopFill == HOP) {
                runHop();
            }
        }
    }

    /** Exact latency in host samples of the look-ahead currently set (what the output settles to). */
    public int latencySamples() {
        int m = lookaheadFrames(getParameter(Parameter.LOOKAHEAD));
        return prepared ? latencyByLookahead[m] : (2 + m) * HOP;
    }

    /**
     * Latency in host samples a look-ahead would give at the prepared rate (for hosts that announce a latency
     * change before it happens). Before {@link #prepare}, the 48 kHz figure.
     */
    public int latencySamplesForLookahead(double lookaheadMs) {
        int m = lookaheadFrames(Parameter.LOOKAHEAD.sanitize(lookaheadMs));
        return prepared ? latencyByLookahead[m] : (2 + m) * HOP;
    }

    /** Sets a parameter from any thread; the value is clamped, snapped and NaN-defaulted by the Parameter. */
    public void setParameter(Parameter p, double plainValue) {
        Objects.requireNonNull(p, "parameter");
        parameterValues[p.ordinal()].value = p.sanitize(plainValue);
    }

    /** The last value set (sanitised), or the default. */
    public double getParameter(Parameter p) {
        Objects.requireNonNull(p, "parameter");
        return parameterValues[p.ordinal()].value;
    }

    /** Copies the latest meter values into {@code dst}; any thread, never blocks the audio thread. */
    public void readMeters(MeterSnapshot dst) {
        meters.read(dst);
    }

    public double sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    public int maxBlockSize() {
        return maxBlockSize;
    }

    /** The rate the Denoiser runs at: 48 kHz exactly for every standard host rate (see {@link RateRatio}). */
    public double engineRate() {
        return ratio == null ? Denoiser.SAMPLE_RATE : ratio.engineRate();
    }

    /** Non-finite input samples replaced by silence since prepare / reset. */
    public long nonFiniteInputSamples() {
        return nonFiniteInput;
    }

    /**
     * Offline rendering only (never on a host's audio thread): with {@code true}, {@link #process} runs the
     * analysis and the network of later hops on a second thread, up to {@value #AHEAD_HOPS} hops ahead and in
     * batches of up to {@value #AHEAD_BATCH}, while the caller's thread synthesises the hops before them. Only
     * hops whose input has been given are done ahead (in the block being processed, or after it with
     * {@link #process(float[][], float[][], int, int)}), so long blocks use the thread best. The output is
     * bit-identical to serial processing: every stage does the same arithmetic in the same order, only the
     * stages of different hops overlap in time. Applies at 48 kHz host rate and outside reconfiguration fades; other cases run serially.
     * {@code false} stops the thread; call it when done (the thread is a daemon, so a forgotten one never keeps
     * the JVM alive). Allocates; call while {@link #process} is not running.
     */
    public void setAnalysisThread(boolean enabled) {
        if (enabled == (analysisThread != null)) {
            return;
        }
        if (enabled) {
            analysisThread = new HopWorker(this::analyseAhead, AHEAD_BATCH, "percepnet-analysis");
            if (prepared) {
                allocateAhead();
            }
        } else {
            awaitAnalysisThread();
            analysisThread.close();
            analysisThread = null;
        }
    }

    /** The input ring, and Denoiser rings that hold the hop in synthesis and the hops handed over after it. */
    private void allocateAhead() {
        int ring = AHEAD_HOPS + 1;
        aheadIn = new float[ring][channels][HOP];
        linked.setHopsAhead(AHEAD_HOPS);
        if (perChannel != null) {
            channelAheadIn = new float[channels][ring][][];
            for (int c = 0; c < channels; c++) {
                perChannel[c].setHopsAhead(AHEAD_HOPS);
                for (int k = 0; k < ring; k++) {
                    channelAheadIn[c][k] = new float[][] {aheadIn[k][c]};
                }
            }
        }
    }

    /** The analysis thread's job: stages 1 and 2 of the worker's hops {@code first .. first + count - 1}. */
    private void analyseAhead(long first, int count) {
        int ring = aheadIn.length;
        if (activeDualMono) {
            for (int c = 0; c < channels; c++) {
                Denoiser d = perChannel[c];
                for (int k = 0; k < count; k++) {
                    d.analyseHop(channelAheadIn[c][(int) ((first + k) % ring)]);
                }
                d.predictHops(count);
            }
        } else {
            for (int k = 0; k < count; k++) {
                linked.analyseHop(aheadIn[(int) ((first + k) % ring)]);
            }
            linked.predictHops(count);
        }
    }

    /** Waits for every hop handed to the thread before any state change (they are then part of that state). */
    private void awaitAnalysisThread() {
        if (analysisThread != null) {
            readyAhead += analysisThread.pending();
            analysisThread.drain();
        }
    }

    // ---------------------------------------------------------------------------------------------- internals

    private void resetState() {
        fresh = true;
        Arrays.fill(hopInputPower, 0);
        for (float[] d : dry) {
            Arrays.fill(d, 0f);
        }
        dryWrite = 0;
        nonFiniteInput = 0;
        inputPower = 0;
        outputPower = 0;
        meterSamples = 0;
        limiterEnvelope = OUTPUT_CEILING;
        readBlockParameters(); // fresh: snaps the smoothed values to their targets
        applyConfiguration(lookaheadFrames(getParameter(Parameter.LOOKAHEAD)),
                getParameter(Parameter.DUAL_MONO) >= 0.5);
        fade = Fade.RUNNING;
        fadeGain = 1;
        fresh = true;
        meters.clear(latencyMs());
    }

    /** Switches look-ahead / channel layout and restarts the wet path from silence. Does not allocate. */
    private void applyConfiguration(int lookahead, boolean dualMono) {
        awaitAnalysisThread();
        readyAhead = 0; // the Denoisers restart below: hops analysed ahead are dropped with their state
        activeLookahead = lookahead;
        activeDualMono = dualMono && channels > 1;
        activeLatency = latencyByLookahead[lookahead];
        linked.setLookahead(lookahead);
        if (perChannel != null) {
            for (Denoiser d : perChannel) {
                d.setLookahead(lookahead);
            }
        }
        hopFill = 0;
        hopCount = 0;
        Arrays.fill(hopInputPower, 0);
        for (float[] w : wet) {
            Arrays.fill(w, 0f);
        }
        wetRead = 0;
        if (toEngine == null) {
            wetWrite = outputDelayByLookahead[lookahead];
        } else {
            toEngine.reset();
            toHost.setExtraDelay(outputDelayByLookahead[lookahead]);
            wetWrite = toHost.leadingZeros();
        }
    }

    private void readBlockParameters() {
        gainTarget = (float) Math.pow(10, getParameter(Parameter.OUTPUT_GAIN) / 20);
        bypassTarget = getParameter(Parameter.BYPASS) >= 0.5 ? 1f : 0f;
        listenTarget = getParameter(Parameter.LISTEN_NOISE) >= 0.5 ? 1f : 0f;
        suppressionTarget = (float) getParameter(Parameter.SUPPRESSION);
        postFilterTarget = (float) (getParameter(Parameter.POST_FILTER) / 100);
        if (fresh) {
            // Nothing has been output since prepare/reset: values set in between apply at once, not ramped in.
            gain = gainTarget;
            bypass = bypassTarget;
            listen = listenTarget;
            suppression = suppressionTarget;
            postFilter = postFilterTarget;
        }
        int m = lookaheadFrames(getParameter(Parameter.LOOKAHEAD));
        boolean dual = getParameter(Parameter.DUAL_MONO) >= 0.5 && channels > 1;
        blockLookahead = m;
        blockDualMono = dual;
        if (m != activeLookahead || dual != activeDualMono) {
            if (fresh) {
                applyConfiguration(m, dual);
                meters.clear(latencyMs());
            } else if (fade != Fade.FADING_OUT) {
                fade = Fade.FADING_OUT;
            }
        } else if (fade == Fade.FADING_OUT) {
            fade = Fade.FADING_IN; // changed back before the switch: nothing to restart
        }
    }

    /** One sample of the reconfiguration fade: out, switch, hold muted until real output, in. */
    private void advanceFade() {
        switch (fade) {
            case FADING_OUT -> {
                fadeGain -= fadeStep;
                if (fadeGain <= 0) {
                    fadeGain = 0;
                    // The block's own snapshot, not the live cells: another thread may write them mid-block, and
                    // what is applied must not depend on when (renders stay reproducible).
                    applyConfiguration(blockLookahead, blockDualMono);
                    holdRemaining = activeLatency + (int) Math.ceil(HOP * sampleRate / Denoiser.SAMPLE_RATE);
                    fade = Fade.HOLDING;
                }
            }
            case HOLDING -> {
                if (--holdRemaining <= 0) {
                    fade = Fade.FADING_IN;
                }
            }
            case FADING_IN -> {
                fadeGain += fadeStep;
                if (fadeGain >= 1) {
                    fadeGain = 1;
                    fade = Fade.RUNNING;
                }
            }
            default -> { }
        }
    }

    /** Runs one 480-sample hop through the Denoiser(s) and queues its output at the host rate. */
    private void runHop() {
        hopFill = 0;
        suppression = smoothHop(suppression, suppressionTarget);
        postFilter = smoothHop(postFilter, postFilterTarget);
        final int ch = channels;
        double inPow = 0;
        for (int c = 0; c < ch; c++) {
            float[] x = hopIn[c];
            for (int s = 0; s < HOP; s++) {
                inPow += x[s] * x[s];
            }
        }
        hopInputPower[(int) (hopCount & 3)] = inPow;

        // Stages 1-2 (analysis, network) of this hop: done ahead on the analysis thread, or now.
        if (readyAhead > 0) {
            readyAhead--;
        } else if (analysisThread != null && analysisThread.pending() > 0) {
            analysisThread.take(); // the next hop handed over is this one
        } else if (activeDualMono) {
            for (int c = 0; c < ch; c++) {
                perChannel[c].analyseHop(channelHopIn[c]);
                perChannel[c].predictHop();
            }
        } else {
            linked.analyseHop(hopIn);
            linked.predictHop();
        }
        handOverAhead();

        // Stage 3 (post-filter, synthesis) with this hop's smoothed parameters.
        Denoiser analysed;
        if (activeDualMono) {
            Arrays.fill(bandSum, 0f);
            for (int c = 0; c < ch; c++) {
                Denoiser d = perChannel[c];
                d.setAttenuationLimitDb(suppression);
                d.setPostFilterAmount(postFilter);
                d.synthesiseHop(channelHopOut[c]);
                d.bandGains(bandScratch);
                for (int b = 0; b < bandSum.length; b++) {
                    bandSum[b] += bandScratch[b] / ch;
                }
            }
            analysed = perChannel[0];
        } else {
            linked.setAttenuationLimitDb(suppression);
            linked.setPostFilterAmount(postFilter);
            linked.synthesiseHop(hopOut);
            linked.bandGains(bandSum);
            analysed = linked;
        }

        double outPow = 0;
        for (int c = 0; c < ch; c++) {
            float[] y = hopOut[c];
            for (int s = 0; s < HOP; s++) {
                float v = y[s];
                if (!(Math.abs(v) <= INPUT_LIMIT)) {
                    v = Float.isNaN(v) ? 0f : Math.copySign(INPUT_LIMIT, v);
                } else if (Math.abs(v) < DENORMAL_FLOOR) {
                    v = 0f;
                }
                y[s] = v;
                outPow += v * v;
            }
        }

        if (toHost == null) {
            int at = wetWrite & wetMask;
            int first = Math.min(HOP, wet[0].length - at);
            for (int c = 0; c < ch; c++) {
                System.arraycopy(hopOut[c], 0, wet[c], at, first);
                System.arraycopy(hopOut[c], first, wet[c], 0, HOP - first);
            }
            wetWrite += HOP;
        } else {
            int produced = toHost.process(hopOut, 0, HOP, hostFrames, 0);
            for (int k = 0; k < produced; k++) {
                int at = (wetWrite + k) & wetMask;
                for (int c = 0; c < ch; c++) {
                    wet[c][at] = hostFrames[c][k];
                }
            }
            wetWrite += produced;
        }
        publishMeters(analysed, outPow);
        hopCount++;
    }

    /**
     * Hands the thread the hops after those already handed over whose whole input is in this block or the
     * samples given after it, up to {@value #AHEAD_HOPS} ahead: at 48 kHz hop after hop is exactly the next 480
     * input samples (outside fades, which run one sample at a time), read now, before this block's output could
     * overwrite them (in and out may be the same arrays). Hops handed over and not reached by the end of the
     * block are taken in the next one (or dropped with the state when a reconfiguration restarts it).
     */
    private void handOverAhead() {
        if (analysisThread == null || toEngine != null || fade != Fade.RUNNING) {
            return;
        }
        int queued = readyAhead + analysisThread.pending();
        int from = segmentEnd + queued * HOP;
        int n = Math.min(AHEAD_HOPS - queued, (blockFrames + blockAhead - from) / HOP);
        if (n <= 0) {
            return;
        }
        long first = analysisThread.handed();
        int ring = aheadIn.length;
        for (int k = 0; k < n; k++) {
            float[][] hop = aheadIn[(int) ((first + k) % ring)];
            for (int c = 0; c < channels; c++) {
                float[] src = inRef[c];
                float[] dst = hop[c];
                if (src == null) {
                    Arrays.fill(dst, 0f);
                } else {
                    int at = from + k * HOP;
                    for (int s = 0; s < HOP; s++) {
                        dst[s] = sanitizeValue(src[at + s]);
                    }
                }
            }
        }
        analysisThread.handOver(first + n);
    }

    private void publishMeters(Denoiser analysed, double hopOutputPower) {
        // The Denoiser's output hop was made from the input hop (1 + look-ahead) hops ago.
        long source = hopCount - 1 - activeLookahead;
        float gainReduction = 0;
        if (source >= 0) {
            double before = hopInputPower[(int) (source & 3)];
            if (before > 1e-10 * HOP * channels) {
                gainReduction = (float) (10 * Math.log10(before / Math.max(hopOutputPower, 1e-30)));
                gainReduction = Math.max(0f, Math.min(120f, gainReduction));
            }
        }
        for (int b = 0; b < bandDb.length; b++) {
            bandDb[b] = (float) Math.max(MeterSnapshot.FLOOR_DB, 20 * Math.log10(Math.max(bandSum[b], 1e-7f)));
        }
        int count = Math.max(1, meterSamples * channels);
        meters.publish(levelDb(inputPower / count), levelDb(outputPower / count), gainReduction, bandDb,
                analysed.pitchHz(), analysed.voiced(), latencyMs());
        inputPower = 0;
        outputPower = 0;
        meterSamples = 0;
    }

    private float latencyMs() {
        return (float) (activeLatency * 1000.0 / sampleRate);
    }

    private static float levelDb(double meanSquare) {
        return (float) Math.max(MeterSnapshot.FLOOR_DB, 10 * Math.log10(Math.max(meanSquare, 1e-13)));
    }

    private static float smoothHop(float current, float target) {
        float next = current + (target - current) * HOP_SMOOTHING;
        return Math.abs(target - next) < 1e-4f ? target : next;
    }

    private static float ramp(float current, float target, float step) {
        if (current < target) {
            return Math.min(target, current + step);
        }
        return current > target ? Math.max(target, current - step) : current;
    }

    private float sanitize(float v) {
        if (!(Math.abs(v) <= INPUT_LIMIT)) {
            if (Float.isNaN(v) || Float.isInfinite(v)) {
                nonFiniteInput++;
                return 0f;
            }
            return Math.copySign(INPUT_LIMIT, v);
        }
        return Math.abs(v) < DENORMAL_FLOOR ? 0f : v;
    }

    /** NaN/Inf → 0, clamp to ±{@value #INPUT_LIMIT}, denormal-range values → 0. */
    private static float sanitizeValue(float v) {
        if (!(Math.abs(v) <= INPUT_LIMIT)) {
            return Float.isNaN(v) || Float.isInfinite(v) ? 0f : Math.copySign(INPUT_LIMIT, v);
        }
        return Math.abs(v) < DENORMAL_FLOOR ? 0f : v;
    }

    private static int lookaheadFrames(double ms) {
        return (int) Math.max(0, Math.min(MAX_LOOKAHEAD_FRAMES, Math.round(ms / 10)));
    }

    /** Binds channel arrays for this block and returns the number of frames that can be processed safely. */
    /** How many of {@code nextFrames} input samples after the block every bound input channel holds. */
    private int aheadFrames(int nextFrames) {
        int ahead = Math.max(0, nextFrames);
        for (int c = 0; c < channels; c++) {
            if (inRef[c] != null) {
                ahead = Math.min(ahead, inRef[c].length - blockFrames);
            }
        }
        return ahead;
    }

    private int bindChannels(float[][] in, float[][] out, int n) {
        int frames = Math.max(0, n);
        for (int c = 0; c < channels; c++) {
            float[] a = in != null && c < in.length ? in[c] : null;
            float[] b = out != null && c < out.length ? out[c] : null;
            inRef[c] = a;
            outRef[c] = b;
            if (a != null) {
                frames = Math.min(frames, a.length);
            }
            if (b != null) {
                frames = Math.min(frames, b.length);
            }
        }
        return frames;
    }

    private static void writeSilence(float[][] out, int n) {
        if (out == null) {
            return;
        }
        for (float[] o : out) {
            if (o != null) {
                Arrays.fill(o, 0, Math.max(0, Math.min(n, o.length)), 0f);
            }
        }
    }
}
