package org.percepnet4j.trainer.data;

import org.jtransforms.fft.FloatFFT_1D;

/** Linear convolution by FFT (offline, whole signals). */
final class Convolution {
    private Convolution() {
    }

    /** {@code x * h}, truncated to {@code x.length} samples (the response starts at sample 0 of {@code h}). */
    static float[] convolve(float[] x, float[] h) {
        int full = x.length + h.length - 1;
        int n = Integer.highestOneBit(Math.max(2, full - 1)) << 1;
        if (n / 2 >= full) {
            n /= 2;
        }
        if (h.length <= 64) {
            return direct(x, h);
        }
        float[] a = new float[n];
        float[] b = new float[n];
        System.arraycopy(x, 0, a, 0, x.length);
        System.arraycopy(h, 0, b, 0, h.length);
        FloatFFT_1D fft = new FloatFFT_1D(n);
        fft.realForward(a);
        fft.realForward(b);
        // Packed real layout: a[0]=Re0, a[1]=Re(n/2), then (Re,Im) pairs.
        a[0] *= b[0];
        a[1] *= b[1];
        for (int k = 2; k < n; k += 2) {
            float re = a[k] * b[k] - a[k + 1] * b[k + 1];
            float im = a[k] * b[k + 1] + a[k + 1] * b[k];
            a[k] = re;
            a[k + 1] = im;
        }
        fft.realInverse(a, true);
        float[] out = new float[x.length];
        System.arraycopy(a, 0, out, 0, x.length);
        return out;
    }

    private static float[] direct(float[] x, float[] h) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            double acc = 0;
            for (int k = 0; k < h.length && k <= i; k++) {
                acc += h[k] * x[i - k];
            }
            out[i] = (float) acc;
        }
        return out;
    }
}
