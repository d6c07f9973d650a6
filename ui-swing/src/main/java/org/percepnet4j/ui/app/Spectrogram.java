package org.percepnet4j.ui.app;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.jtransforms.fft.FloatFFT_1D;

/**
 * A magnitude spectrogram of a clip (channels mixed to mono) on a log-frequency axis from {@link #MIN_HZ} to
 * Nyquist, computed at most {@code columns} times across the clip so hour-long files stay cheap, coloured from
 * {@link #FLOOR_DB} to 0 dBFS.
 */
public final class Spectrogram {

    public static final int FFT = 2048;
    public static final double MIN_HZ = 50;
    public static final float FLOOR_DB = -100f;

    private final float[][] db; // [column][row], row 0 = top = Nyquist
    private final double sampleRate;

    private Spectrogram(float[][] db, double sampleRate) {
        this.db = db;
        this.sampleRate = sampleRate;
    }

    public int columns() {
        return db.length;
    }

    public int rows() {
        return db.length == 0 ? 0 : db[0].length;
    }

    public double sampleRate() {
        return sampleRate;
    }

    /** Level in dB at a column and row (row 0 = highest frequency). */
    public float db(int column, int row) {
        return db[column][row];
    }

    /** Frequency shown at a row of {@code rows}. */
    public static double rowToHz(int row, int rows, double sampleRate) {
        double nyq = sampleRate / 2;
        double t = 1 - (row + 0.5) / rows;
        return MIN_HZ * Math.pow(nyq / MIN_HZ, t);
    }

    public static Spectrogram compute(AudioClip clip, int columns, int rows) {
        int frames = clip.frames();
        int ch = clip.channels();
        columns = Math.max(1, columns);
        FloatFFT_1D fft = new FloatFFT_1D(FFT);
        float[] window = new float[FFT];
        double wsum = 0;
        for (int i = 0; i < FFT; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / FFT));
            wsum += window[i];
        }
        float[] buf = new float[FFT];
        float[] mag = new float[FFT / 2 + 1];
        // Row -> FFT bin range, so each row takes the loudest bin it covers.
        int[] binLo = new int[rows];
        int[] binHi = new int[rows];
        double binHz = clip.sampleRate() / FFT;
        for (int r = 0; r < rows; r++) {
            double hzHi = rowToHz(r, rows, clip.sampleRate()) * Math.pow(clip.sampleRate() / 2 / MIN_HZ, 0.5 / rows);
            double hzLo = rowToHz(r, rows, clip.sampleRate()) / Math.pow(clip.sampleRate() / 2 / MIN_HZ, 0.5 / rows);
            binLo[r] = (int) Math.max(1, Math.min(FFT / 2, Math.floor(hzLo / binHz)));
            binHi[r] = (int) Math.max(binLo[r], Math.min(FFT / 2, Math.ceil(hzHi / binHz)));
        }
        float[][] out = new float[columns][rows];
        double norm = 2 / wsum;
        for (int col = 0; col < columns; col++) {
            long centre = (long) ((col + 0.5) * frames / columns);
            long start = centre - FFT / 2;
            for (int i = 0; i < FFT; i++) {
                long idx = start + i;
                float s = 0;
                if (idx >= 0 && idx < frames) {
                    for (int c = 0; c < ch; c++) {
                        s += clip.samples()[c][(int) idx];
                    }
                    s /= ch;
                }
                buf[i] = s * window[i];
            }
            fft.realForward(buf);
            mag[0] = Math.abs(buf[0]);
            mag[FFT / 2] = Math.abs(buf[1]);
            for (int k = 1; k < FFT / 2; k++) {
                mag[k] = (float) Math.hypot(buf[2 * k], buf[2 * k + 1]);
            }
            for (int r = 0; r < rows; r++) {
                float m = 0;
                for (int k = binLo[r]; k <= binHi[r]; k++) {
                    m = Math.max(m, mag[k]);
                }
                double d = 20 * Math.log10(m * norm + 1e-12);
                out[col][r] = (float) Math.max(FLOOR_DB, Math.min(0, d));
            }
        }
        return new Spectrogram(out, clip.sampleRate());
    }

    /** The spectrogram as an image, one pixel per column and row. */
    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(Math.max(1, columns()), Math.max(1, rows()), BufferedImage.TYPE_INT_RGB);
        for (int c = 0; c < columns(); c++) {
            for (int r = 0; r < rows(); r++) {
                img.setRGB(c, r, colour((db[c][r] - FLOOR_DB) / -FLOOR_DB));
            }
        }
        return img;
    }

    private static final Color[] STOPS = {
        new Color(0x000004), new Color(0x320a5e), new Color(0x781c6d), new Color(0xbc3754),
        new Color(0xed6925), new Color(0xfbb61a), new Color(0xfcffa4)
    };

    /** A perceptually ordered dark-to-bright colour for 0..1. */
    static int colour(double t) {
        t = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) t);
        double f = t - i;
        Color a = STOPS[i];
        Color b = STOPS[i + 1];
        int r = (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * f);
        int g = (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * f);
        int bl = (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * f);
        return (r << 16) | (g << 8) | bl;
    }
}
