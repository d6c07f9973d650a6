package org.percepnet4j.engine.resample;

/**
 * Streaming rational sample-rate converter (up by {@code up}, down by {@code down}) with a linear-phase
 * polyphase FIR, for any number of linked channels.
 *
 * <p>Time base: both rates are seen on a common grid at {@code inputRate * up}. Input sample {@code j} sits at
 * {@code j * up}, output sample {@code k} at {@code k * down - extraDelay}. Output {@code k} is emitted as soon
 * as the input it needs last ({@code floor(position / up)}) has been pushed, so the conversion is exactly causal
 * and its delay is {@link #delayCommonUnits()} grid units: {@code (taps - 1) / 2 + extraDelay}. The owner picks
 * {@code extraDelay} to make a chain's total delay a whole number of samples.
 *
 * <p>Everything is allocated in the constructor; {@link #push} and {@link #process} never allocate. The output
 * does not depend on how the input is split into calls.
 */
public final class PolyphaseResampler {

    /** Passband edge as a fraction of the lower of the two rates: 20 kHz at 44.1 kHz. */
    public static final double PASSBAND = 0.4535;
    /** Stopband attenuation the prototype is designed for. */
    public static final double STOPBAND_DB = 100;

    private final int channels;
    private final int up;
    private final int down;
    private final int prototypeTaps;
    private final int taps;
    private final float[] coeffs;
    private final float[][] history;
    private final double[] prototype;
    private int newest;
    private int extraDelay;
    private int position;
    private int leadingZeros;

    /**
     * @param channels   linked channels converted with one shared time base
     * @param up         interpolation factor (output rate / input rate = up / down)
     * @param down       decimation factor
     * @param prototype  low-pass at the common rate, odd length, DC gain 1 (it is scaled by {@code up} here)
     * @param extraDelay added delay in common-grid units, at least 0
     */
    public PolyphaseResampler(int channels, int up, int down, double[] prototype, int extraDelay) {
        if (channels < 1 || up < 1 || down < 1 || prototype.length % 2 == 0) {
            throw new IllegalArgumentException("bad resampler shape: channels=" + channels + " up=" + up
                    + " down=" + down + " taps=" + prototype.length);
        }
        this.channels = channels;
        this.up = up;
        this.down = down;
        this.prototype = prototype.clone();
        this.prototypeTaps = prototype.length;
        // taps per branch rounded up to a multiple of 4 (zero coefficients) for the 4-way dot product
        this.taps = ((prototype.length + up - 1) / up + 3) & ~3;
        this.coeffs = new float[up * taps];
        for (int phase = 0; phase < up; phase++) {
            for (int m = 0; m < taps; m++) {
                int idx = phase + m * up;
                coeffs[phase * taps + m] = idx < prototype.length ? (float) (up * prototype[idx]) : 0f;
            }
        }
        this.history = new float[channels][2 * taps];
        setExtraDelay(extraDelay);
    }

    /**
     * The anti-aliasing / anti-imaging converter between a host rate and the engine rate.
     *
     * @param toEngine true for host to engine, false for engine to host
     */
    public static PolyphaseResampler forRatio(RateRatio ratio, boolean toEngine, int channels, int extraDelay) {
        return new PolyphaseResampler(channels,
                toEngine ? ratio.engineSamples() : ratio.hostSamples(),
                toEngine ? ratio.hostSamples() : ratio.engineSamples(),
                prototypeFor(ratio), extraDelay);
    }

    /**
     * The low-pass both directions of a ratio share, at the common rate: passband to {@link #PASSBAND} of the
     * lower rate, stopband from (lower rate - passband edge), so that whatever aliases or images into the
     * transition band lands above the passband. {@link #STOPBAND_DB} down.
     */
    public static double[] prototypeFor(RateRatio ratio) {
        double common = ratio.commonRate();
        double base = Math.min(ratio.hostRate(), ratio.engineRate());
        double pass = PASSBAND * base;
        double stop = base - pass;
        int n = KaiserLowpass.length(STOPBAND_DB, (stop - pass) / common);
        if (n % 2 == 0) {
            n++;
        }
        return KaiserLowpass.design(n, 0.5 * base / common, KaiserLowpass.beta(STOPBAND_DB), 1.0);
    }

    /** Changes the added delay and resets the state. Does not allocate. */
    public void setExtraDelay(int extraDelay) {
        if (extraDelay < 0) {
            throw new IllegalArgumentException("extraDelay must be >= 0, got " + extraDelay);
        }
        this.extraDelay = extraDelay;
        reset();
    }

    /**
     * Clears the history. The first {@link #leadingZeros()} outputs only need input from before the start
     * (silence): the caller accounts for them itself (they are not emitted).
     */
    public void reset() {
        for (float[] h : history) {
            java.util.Arrays.fill(h, 0f);
        }
        newest = 0;
        leadingZeros = (extraDelay + down - 1) / down;
        // Position of the next output relative to the next input's grid position; kept >= 0 between pushes.
        position = leadingZeros * down - extraDelay;
    }

    /** Outputs before the first emitted one that are silence (depend only on input before the start). */
    public int leadingZeros() {
        return leadingZeros;
    }

    /** Delay from input to output in common-grid units ({@code 1 / (inputRate * up)} seconds). */
    public int delayCommonUnits() {
        return (prototypeTaps - 1) / 2 + extraDelay;
    }

    /** Taps per polyphase branch: the multiply-adds per output sample and channel. */
    public int tapsPerPhase() {
        return taps;
    }

    /** Most outputs a single input can produce. */
    public int maxOutputsPerInput() {
        return (up + down - 1) / down;
    }

    /** Most outputs {@code inputs} consecutive inputs can produce. */
    public int maxOutputsFor(int inputs) {
        return (int) (((long) inputs * up + down - 1) / down) + 1;
    }

    /**
     * How many more inputs must be pushed until {@code outputs} more outputs have been emitted (the last of them
     * by the last of those inputs). {@code outputs} at least 1.
     */
    public int inputsUntilOutputs(int outputs) {
        // output k (from 0) of the ones still to come is emitted by push number floor((position + k down) / up) + 1
        return (int) (((long) position + (long) (outputs - 1) * down) / up) + 1;
    }

    public int up() {
        return up;
    }

    public int down() {
        return down;
    }

    /** A copy of the prototype low-pass (DC gain 1, at the common rate). */
    public double[] prototype() {
        return prototype.clone();
    }

    /**
     * Pushes one input frame ({@code frame[c]} per channel) and writes the outputs it completes to
     * {@code out[c][outOff...]}.
     *
     * @return the number of output frames written
     */
    public int push(float[] frame, float[][] out, int outOff) {
        int idx = advance();
        for (int c = 0; c < channels; c++) {
            float[] h = history[c];
            h[idx] = frame[c];
            h[idx + taps] = frame[c];
        }
        return emit(idx, out, outOff);
    }

    /**
     * Pushes {@code len} frames {@code in[c][inOff...]}; same as that many {@link #push} calls.
     *
     * @return the number of output frames written to {@code out[c][outOff...]}
     */
    public int process(float[][] in, int inOff, int len, float[][] out, int outOff) {
        int count = 0;
        for (int i = 0; i < len; i++) {
            int idx = advance();
            for (int c = 0; c < channels; c++) {
                float[] h = history[c];
                float v = in[c][inOff + i];
                h[idx] = v;
                h[idx + taps] = v;
            }
            count += emit(idx, out, outOff + count);
        }
        return count;
    }

    /** Moves the ring to the slot of the next input (newest first, mirrored so reads never wrap). */
    private int advance() {
        newest = newest == 0 ? taps - 1 : newest - 1;
        return newest;
    }

    /** Emits every output the input just written at {@code idx} completes. */
    private int emit(int idx, float[][] out, int outOff) {
        int count = 0;
        int t = position - up;
        while (t < 0) {
            int base = (t + up) * taps;
            for (int c = 0; c < channels; c++) {
                out[c][outOff + count] = dot(coeffs, base, history[c], idx, taps);
            }
            count++;
            t += down;
        }
        position = t;
        return count;
    }

    /**
     * Dot product with four independent partial sums: the additions no longer wait on each other, which is
     * several times faster than one running sum. {@code n} is a multiple of 4; the order is fixed, so results
     * are deterministic.
     */
    private static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        for (int m = 0; m < n; m += 4) {
            s0 += a[aOff + m] * b[bOff + m];
            s1 += a[aOff + m + 1] * b[bOff + m + 1];
            s2 += a[aOff + m + 2] * b[bOff + m + 2];
            s3 += a[aOff + m + 3] * b[bOff + m + 3];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
