package org.percepnet4j.engine.dsp;

/**
 * The 48 kHz short-time Fourier transform of PercepNet: 960-sample frames every 480 samples, a
 * power-complementary Vorbis window at analysis and synthesis, a 960-point real FFT (481 bins of 50 Hz).
 *
 * <p>The FFT is {@link RealFft} (JTransforms underneath, without per-call allocation).
 *
 * <p>Because w(n)² + w(n + 480)² = 1, forward → inverse → overlap-add of consecutive frames reproduces the
 * input delayed by one hop. Not thread-safe (one scratch buffer); one instance per stream.
 */
public final class Stft {
    public static final int SAMPLE_RATE = 48_000;
    public static final int HOP = 480;
    public static final int WINDOW = 2 * HOP;
    public static final int BINS = WINDOW / 2 + 1;
    public static final double HZ_PER_BIN = (double) SAMPLE_RATE / WINDOW;

    private final float[] window = vorbisWindow();
    private final RealFft fft = new RealFft(WINDOW);
    private final float[] work = new float[WINDOW];

    /** w(n) = sin(π/2 · sin²(π(n + 0.5)/960)); computed in double, stored as float. */
    public static float[] vorbisWindow() {
        float[] w = new float[WINDOW];
        for (int n = 0; n < WINDOW; n++) {
            double s = Math.sin(Math.PI * (n + 0.5) / WINDOW);
            w[n] = (float) Math.sin(0.5 * Math.PI * s * s);
        }
        return w;
    }

    /** Windows {@code src[from .. from + 960)} and writes its spectrum (unnormalised forward FFT) to dst. */
    public void forward(float[] src, int from, Spectrum dst) {
        fft.forward(src, from, window, dst.re, dst.im);
    }

    /** Inverse FFT of spec (scaled 1/960), multiplied by the synthesis window, into {@code dst[0 .. 960)}. */
    public void inverse(Spectrum spec, float[] dst) {
        fft.inverse(spec.re, spec.im, work);
        for (int n = 0; n < WINDOW; n++) {
            dst[n] = work[n] * window[n];
        }
    }
}
