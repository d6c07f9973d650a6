package org.percepnet4j.trainer.eval;

import org.percepnet4j.trainer.data.Resampler;

/**
 * Extended short-time objective intelligibility (J. Jensen and C. H. Taal, "An Algorithm for Predicting the
 * Intelligibility of Speech Masked by Modulated Noise Maskers", IEEE/ACM TASLP 24(11), 2016).
 *
 * <p>Both signals are resampled to 10 kHz; frames of 256 samples (Hann, 50 % overlap) more than 40 dB under the
 * loudest clean frame are removed from both; a 512-point DFT gives 15 one-third-octave band envelopes from 150 Hz;
 * segments of 30 frames (384 ms) form J×N matrices that are normalised to zero mean and unit norm first per band
 * (row) and then per frame (column); the score is the mean over segments and frames of the inner product of the
 * normalised clean and processed columns. Unlike STOI there is no clipping. Identical signals give 1.
 */
public final class Estoi {
    static final int FS = 10000;
    static final int FRAME = 256;
    static final int HOP = FRAME / 2;
    static final int NFFT = 512;
    static final int BANDS = 15;
    static final double MIN_FREQ = 150;
    static final int N = 30;
    static final double DYN_RANGE_DB = 40;
    private static final double EPS = 1e-12;

    private Estoi() {
    }

    /** ESTOI of {@code est} against {@code ref} (same length and rate); typically 0…1, higher is better. */
    public static double compute(float[] ref, float[] est, int sampleRate) {
        if (ref.length != est.length) {
            throw new IllegalArgumentException("reference and estimate differ in length: " + ref.length + " vs " + est.length);
        }
        float[] x = sampleRate == FS ? ref : new Resampler(sampleRate, FS).process(ref);
        float[] y = sampleRate == FS ? est : new Resampler(sampleRate, FS).process(est);
        double[] window = hann(FRAME);
        double[][] xy = removeSilentFrames(x, y, window);
        double[][] xb = bandEnvelopes(xy[0], window);
        double[][] yb = bandEnvelopes(xy[1], window);
        int frames = xb.length;
        if (frames < N) {
            throw new IllegalArgumentException("too little active speech for ESTOI: need " + N + " frames (384 ms), have " + frames);
        }
        double sum = 0;
        int segments = 0;
        double[][] xs = new double[BANDS][N];
        double[][] ys = new double[BANDS][N];
        for (int m = N; m <= frames; m++) {
            for (int j = 0; j < BANDS; j++) {
                for (int n = 0; n < N; n++) {
                    xs[j][n] = xb[m - N + n][j];
                    ys[j][n] = yb[m - N + n][j];
                }
            }
            normaliseRowsThenColumns(xs);
            normaliseRowsThenColumns(ys);
            double d = 0;
            for (int j = 0; j < BANDS; j++) {
                for (int n = 0; n < N; n++) {
                    d += xs[j][n] * ys[j][n];
                }
            }
            sum += d / N;
            segments++;
        }
        return sum / segments;
    }

    /** Periodic-free symmetric Hann of length n as in the reference code (hanning(n+2) without its end zeros). */
    static double[] hann(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 1) / (n + 1));
        }
        return w;
    }

    /** Drops frames of the clean signal more than 40 dB under its loudest (and the same frames of the other); overlap-adds the rest. */
    static double[][] removeSilentFrames(float[] x, float[] y, double[] w) {
        int count = x.length > FRAME ? (x.length - FRAME - 1) / HOP + 1 : 0;
        double[] energy = new double[count];
        double max = Double.NEGATIVE_INFINITY;
        for (int f = 0; f < count; f++) {
            double e = 0;
            for (int i = 0; i < FRAME; i++) {
                double v = w[i] * x[f * HOP + i];
                e += v * v;
            }
            energy[f] = 20 * Math.log10(Math.sqrt(e) + 1e-20);
            max = Math.max(max, energy[f]);
        }
        int kept = 0;
        for (int f = 0; f < count; f++) {
            if (energy[f] > max - DYN_RANGE_DB) {
                kept++;
            }
        }
        int len = kept == 0 ? 0 : (kept - 1) * HOP + FRAME;
        double[] xo = new double[len];
        double[] yo = new double[len];
        int k = 0;
        for (int f = 0; f < count; f++) {
            if (energy[f] > max - DYN_RANGE_DB) {
                for (int i = 0; i < FRAME; i++) {
                    xo[k * HOP + i] += w[i] * x[f * HOP + i];
                    yo[k * HOP + i] += w[i] * y[f * HOP + i];
                }
                k++;
            }
        }
        return new double[][] {xo, yo};
    }

    /** One-third-octave band magnitudes per frame: [frame][band]. */
    static double[][] bandEnvelopes(double[] x, double[] w) {
        int frames = x.length > FRAME ? (x.length - FRAME - 1) / HOP + 1 : 0;
        int[][] edges = bandEdges();
        int bins = NFFT / 2 + 1;
        double[] cos = new double[NFFT];
        double[] sin = new double[NFFT];
        for (int i = 0; i < NFFT; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / NFFT);
            sin[i] = Math.sin(2 * Math.PI * i / NFFT);
        }
        int maxBin = edges[BANDS - 1][1];
        double[][] out = new double[frames][BANDS];
        double[] power = new double[bins];
        double[] frame = new double[FRAME];
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < FRAME; i++) {
                frame[i] = w[i] * x[f * HOP + i];
            }
            for (int k = 0; k < maxBin; k++) {
                double re = 0, im = 0;
                int idx = 0;
                for (int i = 0; i < FRAME; i++) {
                    re += frame[i] * cos[idx];
                    im -= frame[i] * sin[idx];
                    idx += k;
                    if (idx >= NFFT) {
                        idx -= NFFT;
                    }
                }
                power[k] = re * re + im * im;
            }
            for (int j = 0; j < BANDS; j++) {
                double s = 0;
                for (int k = edges[j][0]; k < edges[j][1]; k++) {
                    s += power[k];
                }
                out[f][j] = Math.sqrt(s);
            }
        }
        return out;
    }

    /** [band] → {first bin, end bin (exclusive)}: bins nearest to the band edges 150·2^((2k∓1)/6) Hz. */
    static int[][] bandEdges() {
        int bins = NFFT / 2 + 1;
        int[][] e = new int[BANDS][2];
        for (int j = 0; j < BANDS; j++) {
            double lo = MIN_FREQ * Math.pow(2, (2.0 * j - 1) / 6);
            double hi = MIN_FREQ * Math.pow(2, (2.0 * j + 1) / 6);
            e[j][0] = nearestBin(lo, bins);
            e[j][1] = nearestBin(hi, bins);
        }
        return e;
    }

    private static int nearestBin(double f, int bins) {
        int best = 0;
        for (int k = 0; k < bins; k++) {
            if (Math.abs(k * (double) FS / NFFT - f) < Math.abs(best * (double) FS / NFFT - f)) {
                best = k;
            }
        }
        return best;
    }

    private static void normaliseRowsThenColumns(double[][] m) {
        int rows = m.length, cols = m[0].length;
        for (double[] row : m) {
            double mean = 0;
            for (double v : row) {
                mean += v;
            }
            mean /= cols;
            double norm = 0;
            for (int c = 0; c < cols; c++) {
                row[c] -= mean;
                norm += row[c] * row[c];
            }
            double inv = 1 / (Math.sqrt(norm) + EPS);
            for (int c = 0; c < cols; c++) {
                row[c] *= inv;
            }
        }
        for (int c = 0; c < cols; c++) {
            double mean = 0;
            for (double[] row : m) {
                mean += row[c];
            }
            mean /= rows;
            double norm = 0;
            for (double[] row : m) {
                row[c] -= mean;
                norm += row[c] * row[c];
            }
            double inv = 1 / (Math.sqrt(norm) + EPS);
            for (double[] row : m) {
                row[c] *= inv;
            }
        }
    }
}
