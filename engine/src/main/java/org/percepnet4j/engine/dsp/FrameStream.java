package org.percepnet4j.engine.dsp;

import java.util.Arrays;

/**
 * One signal's sample history and the spectra of its output frame ℓ: Y(ℓ), and P(ℓ), the STFT of the
 * comb-filtered signal over the same 960-sample segment with the same window.
 *
 * <p>The history holds the comb's past reach (5 periods of 768 samples), one analysis window, and the
 * look-ahead: frame ℓ ends M hops before the newest sample, so a comb with K·T ≤ M·480 never reads beyond
 * what has arrived. Allocates only in the constructor.
 */
public final class FrameStream {
    /** Samples before frame ℓ's window that the longest comb reaches (5 periods of the longest period). */
    public static final int PAST_REACH = CombFilter.MAX_PERIODS_PER_SIDE * PitchTracker.MAX_PERIOD;

    private final float[] history;
    private final Stft stft = new Stft();
    private final float[] combed = new float[Stft.WINDOW];
    private final float[] combPast = new float[Stft.WINDOW];
    private final float[] combFuture = new float[Stft.WINDOW];
    private final int maxLookahead;
    private int lookahead;

    /** Spectrum of output frame ℓ. */
    public final Spectrum y = new Spectrum();
    /** Spectrum of the comb-filtered output frame ℓ (equal to {@link #y} when the comb has no taps). */
    public final Spectrum p = new Spectrum();

    public FrameStream(int maxLookahead) {
        if (maxLookahead < 0) {
            throw new IllegalArgumentException("maxLookahead must be >= 0, got " + maxLookahead);
        }
        this.maxLookahead = maxLookahead;
        this.history = new float[PAST_REACH + Stft.WINDOW + maxLookahead * Stft.HOP];
    }

    /** Sets M (0..max) and clears the history. */
    public void setLookahead(int frames) {
        if (frames < 0 || frames > maxLookahead) {
            throw new IllegalArgumentException("lookahead " + frames + " outside 0.." + maxLookahead);
        }
        lookahead = frames;
        reset();
    }

    public int lookahead() {
        return lookahead;
    }

    public void reset() {
        Arrays.fill(history, 0f);
        y.clear();
        p.clear();
    }

    /** Appends one hop of 480 samples, dropping the oldest. */
    public void push(float[] hop) {
        System.arraycopy(history, Stft.HOP, history, 0, history.length - Stft.HOP);
        System.arraycopy(hop, 0, history, history.length - Stft.HOP, Stft.HOP);
    }

    /** The raw history; the newest sample is last. Read-only for callers. */
    public float[] samples() {
        return history;
    }

    /** Index of the first sample of the newest frame's window (frame ℓ + M). */
    public int newestFrameStart() {
        return history.length - Stft.WINDOW;
    }

    /** Index of the first sample of output frame ℓ's window. */
    public int outputFrameStart() {
        return history.length - Stft.WINDOW - lookahead * Stft.HOP;
    }

    /** Look-ahead in samples available beyond frame ℓ's window: M·480. */
    public int lookaheadSamples() {
        return lookahead * Stft.HOP;
    }

    /** Spectrum of the newest frame ℓ + M. */
    public void analyseNewestFrame(Spectrum dst) {
        stft.forward(history, newestFrameStart(), dst);
    }

    /** Computes {@link #y} and {@link #p} for output frame ℓ with the comb (period, {@link CombFilter} code). */
    public void analyseOutputFrame(int period, int comb) {
        int start = outputFrameStart();
        stft.forward(history, start, y);
        if (comb == 0) {
            p.copyFrom(y);
            return;
        }
        CombFilter.apply(history, start, Stft.WINDOW, period, comb, combed, combPast, combFuture);
        stft.forward(combed, 0, p);
    }

    /** Same as {@link #analyseOutputFrame} when frame ℓ's Y is already known (kept from when it was newest). */
    public void analyseOutputFrame(Spectrum knownY, int period, int comb) {
        y.copyFrom(knownY);
        if (comb == 0) {
            p.copyFrom(y);
            return;
        }
        CombFilter.apply(history, outputFrameStart(), Stft.WINDOW, period, comb, combed, combPast,
                combFuture);
        stft.forward(combed, 0, p);
    }

    /** Inverse STFT of spec with the synthesis window into {@code dst[0 .. 960)}. */
    public void synthesize(Spectrum spec, float[] dst) {
        stft.inverse(spec, dst);
    }
}
