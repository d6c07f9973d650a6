package org.percepnet4j.engine.dsp;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Real FFT of any even length n without allocation per call, built on JTransforms' power-of-two FFT.
 *
 * <p>Why not {@code FloatFFT_1D(960).realForward}: for lengths that are not powers of two JTransforms 3.1
 * takes its mixed-radix path, which allocates an n-float scratch array on every call, and the audio thread
 * must not allocate. So: the n real samples are packed as n/2 complex values z_m = x_2m + i·x_(2m+1), their
 * n/2-point DFT is computed with Bluestein's chirp-z algorithm (a convolution done with two power-of-two
 * FFTs of length L ≥ n − 1, whose power-of-two path allocates nothing), and the usual even/odd split turns
 * it into the n/2 + 1 bins of the real transform. Inverse likewise. Scaling matches JTransforms: forward
 * unnormalised, inverse scaled by 1/n.
 */
public final class RealFft {
    private final int n;
    private final int half;
    private final int convolutionLength;
    private final FloatFFT_1D fft;
    /** chirp[m] = exp(−iπ m²/half), interleaved re/im, m = 0..half−1. */
    private final float[] chirp;
    /** FFT of the conjugate chirp, for the forward (−) and inverse (+) transforms. */
    private final float[] forwardKernel;
    private final float[] inverseKernel;
    /** Split twiddles exp(−2πik/n), k = 0..half. */
    private final float[] twiddleRe;
    private final float[] twiddleIm;
    private final float[] work;
    private final float[] packed;

    public RealFft(int n) {
        if (n < 4 || n % 2 != 0) {
            throw new IllegalArgumentException("length must be even and >= 4, got " + n);
        }
        this.n = n;
        this.half = n / 2;
        int l = 1;
        while (l < 2 * half - 1) {
            l <<= 1;
        }
        this.convolutionLength = l;
        this.fft = new FloatFFT_1D(l);
        this.chirp = new float[2 * half];
        for (int m = 0; m < half; m++) {
            // m² mod 2·half keeps the angle exact for large m.
            long mm = ((long) m * m) % (2L * half);
            double angle = -Math.PI * mm / half;
            chirp[2 * m] = (float) Math.cos(angle);
            chirp[2 * m + 1] = (float) Math.sin(angle);
        }
        this.forwardKernel = kernel(-1);
        this.inverseKernel = kernel(+1);
        this.twiddleRe = new float[half + 1];
        this.twiddleIm = new float[half + 1];
        for (int k = 0; k <= half; k++) {
            double angle = -2 * Math.PI * k / n;
            twiddleRe[k] = (float) Math.cos(angle);
            twiddleIm[k] = (float) Math.sin(angle);
        }
        this.work = new float[2 * l];
        this.packed = new float[2 * half];
    }

    public int length() {
        return n;
    }

    /** FFT of conj(c_m) (forward) or c_m (inverse) placed circularly for m = −(half−1)..(half−1). */
    private float[] kernel(int sign) {
        float[] k = new float[2 * convolutionLength];
        for (int m = 0; m < half; m++) {
            float re = chirp[2 * m];
            float im = sign < 0 ? -chirp[2 * m + 1] : chirp[2 * m + 1];
            k[2 * m] = re;
            k[2 * m + 1] = im;
            if (m > 0) {
                k[2 * (convolutionLength - m)] = re;
                k[2 * (convolutionLength - m) + 1] = im;
            }
        }
        fft.complexForward(k);
        return k;
    }

    /**
     * Forward transform of {@code src[from .. from + n)}: X(k) = Σ x(t)·exp(−2πikt/n), k = 0..n/2.
     */
    public void forward(float[] src, int from, float[] re, float[] im) {
        System.arraycopy(src, from, packed, 0, n);
        halfLengthDft(packed, -1);
        // Z(k) = DFT of z; X(k) = E(k) + W^k·O(k), E = (Z(k) + conj Z(half−k))/2, O = (Z(k) − conj Z(half−k))/(2i).
        for (int k = 0; k <= half; k++) {
            int a = k % half;
            int b = (half - k) % half;
            float zr = packed[2 * a];
            float zi = packed[2 * a + 1];
            float cr = packed[2 * b];
            float ci = -packed[2 * b + 1];
            float er = 0.5f * (zr + cr);
            float ei = 0.5f * (zi + ci);
            float or = 0.5f * (zi - ci);
            float oi = -0.5f * (zr - cr);
            float wr = twiddleRe[k];
            float wi = twiddleIm[k];
            re[k] = er + wr * or - wi * oi;
            im[k] = ei + wr * oi + wi * or;
        }
        im[0] = 0f;
        im[half] = 0f;
    }

    /** Inverse transform (scaled 1/n) of bins 0..n/2 into {@code dst[0 .. n)}. Imaginary parts of bins 0 and n/2 are ignored. */
    public void inverse(float[] re, float[] im, float[] dst) {
        for (int k = 0; k < half; k++) {
            int b = half - k;
            float xr = re[k];
            float xi = k == 0 ? 0f : im[k];
            float cr = re[b];
            float ci = b == half ? 0f : -im[b];
            float er = 0.5f * (xr + cr);
            float ei = 0.5f * (xi + ci);
            float dr = 0.5f * (xr - cr);
            float di = 0.5f * (xi - ci);
            // O(k) = D(k)·conj(W^k); Z(k) = E(k) + i·O(k).
            float wr = twiddleRe[k];
            float wi = -twiddleIm[k];
            float or = dr * wr - di * wi;
            float oi = dr * wi + di * wr;
            packed[2 * k] = er - oi;
            packed[2 * k + 1] = ei + or;
        }
        halfLengthDft(packed, +1);
        float scale = 1f / half;
        for (int m = 0; m < n; m++) {
            dst[m] = packed[m] * scale;
        }
    }

    /** In-place n/2-point complex DFT with exp(sign·2πi·mk/half) by Bluestein's algorithm. */
    private void halfLengthDft(float[] z, int sign) {
        java.util.Arrays.fill(work, 0f);
        for (int m = 0; m < half; m++) {
            float cr = chirp[2 * m];
            float ci = sign < 0 ? chirp[2 * m + 1] : -chirp[2 * m + 1];
            float xr = z[2 * m];
            float xi = z[2 * m + 1];
            work[2 * m] = xr * cr - xi * ci;
            work[2 * m + 1] = xr * ci + xi * cr;
        }
        fft.complexForward(work);
        float[] kernel = sign < 0 ? forwardKernel : inverseKernel;
        for (int i = 0; i < convolutionLength; i++) {
            float ar = work[2 * i];
            float ai = work[2 * i + 1];
            float br = kernel[2 * i];
            float bi = kernel[2 * i + 1];
            work[2 * i] = ar * br - ai * bi;
            work[2 * i + 1] = ar * bi + ai * br;
        }
        fft.complexInverse(work, true);
        for (int k = 0; k < half; k++) {
            float cr = chirp[2 * k];
            float ci = sign < 0 ? chirp[2 * k + 1] : -chirp[2 * k + 1];
            float yr = work[2 * k];
            float yi = work[2 * k + 1];
            z[2 * k] = yr * cr - yi * ci;
            z[2 * k + 1] = yr * ci + yi * cr;
        }
    }
}
