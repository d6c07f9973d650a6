package org.percepnet4j.cli.spectrogram;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * A short-time power spectrum in dB, with exactly one analysis frame per output column so the picture needs no
 * resampling in time. Levels are dB relative to a full-scale sine (a 0 dBFS sine peaks at 0 dB).
 */
public final class Spectrogram {

    private final float sampleRate;
    private final int fftSize;
    private final float[][] db; // [column][bin]

    private Spectrogram(float sampleRate, int fftSize, float[][] db) {
        this.sampleRate = sampleRate;
        this.fftSize = fftSize;
        this.db = db;
    }

    /**
     * Analyses a mono signal into {@code columns} frames spread evenly over its length.
     *
     * @param fftSize a power of two; the Hann window has the same length
     */
    public static Spectrogram compute(float[] signal, float sampleRate, int columns, int fftSize) {
        if (Integer.bitCount(fftSize) != 1 || fftSize < 16) {
            throw new IllegalArgumentException("FFT size must be a power of two >= 16: " + fftSize);
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1");
        }
        float[] window = new float[fftSize];
        double windowSum = 0;
        for (int i = 0; i < fftSize; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / fftSize));
            windowSum += window[i];
        }
        // A full-scale sine gives |X| = windowSum / 2 at its bin: normalise so that is 0 dB.
        double ref = windowSum / 2;
        double refPower = ref * ref;
        FloatFFT_1D fft = new FloatFFT_1D(fftSize);
        int bins = fftSize / 2 + 1;
        float[][] db = new float[columns][bins];
        float[] frame = new float[fftSize];
        double span = Math.max(0, signal.length - fftSize);
        for (int c = 0; c < columns; c++) {
            int start = columns == 1 ? 0 : (int) Math.round(span * c / (columns - 1));
            for (int i = 0; i < fftSize; i++) {
                int k = start + i;
                float v = k < signal.length ? signal[k] : 0f;
                frame[i] = Float.isFinite(v) ? v * window[i] : 0f;
            }
            fft.realForward(frame);
            // realForward packs: [0] = Re(0), [1] = Re(N/2), then Re/Im pairs of bins 1..N/2-1.
            db[c][0] = toDb(frame[0] * (double) frame[0], refPower);
            db[c][bins - 1] = toDb(frame[1] * (double) frame[1], refPower);
            for (int b = 1; b < bins - 1; b++) {
                double re = frame[2 * b];
                double im = frame[2 * b + 1];
                db[c][b] = toDb(re * re + im * im, refPower);
            }
        }
        return new Spectrogram(sampleRate, fftSize, db);
    }

    /** FFT size for about 40 ms windows: 2048 at 48 kHz, smaller at low rates. */
    public static int fftSizeFor(float sampleRate) {
        int n = Integer.highestOneBit(Math.max(16, Math.round(sampleRate * 0.043f)));
        return Math.max(256, n);
    }

    private static float toDb(double power, double refPower) {
        return (float) (10 * Math.log10(power / refPower + 1e-20));
    }

    public int columns() {
        return db.length;
    }

    public int bins() {
        return db[0].length;
    }

    public float sampleRate() {
        return sampleRate;
    }

    /** Frequency of a bin in Hz. */
    public double binHz(int bin) {
        return bin * (double) sampleRate / fftSize;
    }

    /** Level of one bin of one column in dB. */
    public float db(int column, int bin) {
        return db[column][bin];
    }

    /** Highest level anywhere. */
    public float maxDb() {
        float m = Float.NEGATIVE_INFINITY;
        for (float[] col : db) {
            for (float v : col) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    /**
     * The loudest level between two frequencies in one column; when the range falls between bins (low
     * frequencies on a log axis), the level interpolated at its centre.
     */
    public float levelBetween(int column, double loHz, double hiHz) {
        double binWidth = sampleRate / (double) fftSize;
        int lo = (int) Math.ceil(loHz / binWidth);
        int hi = (int) Math.floor(hiHz / binWidth);
        float[] col = db[column];
        if (hi >= lo && lo < col.length) {
            float m = Float.NEGATIVE_INFINITY;
            for (int b = Math.max(0, lo); b <= Math.min(hi, col.length - 1); b++) {
                m = Math.max(m, col[b]);
            }
            return m;
        }
        double pos = Math.min(col.length - 1, (loHz + hiHz) / 2 / binWidth);
        int b0 = (int) Math.floor(pos);
        int b1 = Math.min(col.length - 1, b0 + 1);
        double t = pos - b0;
        return (float) (col[b0] * (1 - t) + col[b1] * t);
    }
}
