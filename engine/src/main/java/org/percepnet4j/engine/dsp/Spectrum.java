package org.percepnet4j.engine.dsp;

/** One frame's half spectrum: bins 0..480 of a 960-point real FFT (50 Hz per bin), as two float arrays. */
public final class Spectrum {
    public final float[] re = new float[Stft.BINS];
    public final float[] im = new float[Stft.BINS];

    public void copyFrom(Spectrum other) {
        System.arraycopy(other.re, 0, re, 0, Stft.BINS);
        System.arraycopy(other.im, 0, im, 0, Stft.BINS);
    }

    public void clear() {
        java.util.Arrays.fill(re, 0f);
        java.util.Arrays.fill(im, 0f);
    }
}
