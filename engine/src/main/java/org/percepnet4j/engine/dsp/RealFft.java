package org.percepnet4j.engine.dsp;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Real FFT of length n = 30·2^p (960 for the STFT) without allocation per call, built on JTransforms'
 * power-of-two FFT.
 *
 * <p>Why not {@code FloatFFT_1D(960).realForward}: for lengths that are not powers of two JTransforms 3.1
 * takes its mixed-radix path, which allocates an n-float scratch array on every call, and the audio thread
 * must not allocate. (A Bluestein chirp-z transform over JTransforms' power-of-two FFT avoids that too, but
 * costs two 1024-point complex FFTs per transform, about three times as much.) So:
 * <ol>
 *   <li>the n real samples are packed as n/2 complex values z_m = x_2m + i·x_(2m+1);</li>
 *   <li>their n/2 = 15·L point DFT is split Cooley–Tukey style into 15 JTransforms FFTs of the
 *       power-of-two length L (32 for 960), twiddle factors, and L small 15-point DFTs (a prime-factor
 *       3 × 5 split, written out below because JTransforms has no allocation-free odd-length kernel);</li>
 *   <li>the usual even/odd split turns that into the n/2 + 1 bins of the real transform.</li>
 * </ol>
 * Scaling matches JTransforms: forward unnormalised, X(k) = Σ x(t)·exp(−2πikt/n); inverse scaled by 1/n.
 */
public final class RealFft {
    private static final int ODD_FACTOR = 15;
    private static final float SIN_60 = (float) Math.sin(Math.PI / 3);
    private static final float COS_72 = (float) Math.cos(2 * Math.PI / 5);
    private static final float COS_144 = (float) Math.cos(4 * Math.PI / 5);
    private static final float SIN_72 = (float) Math.sin(2 * Math.PI / 5);
    private static final float SIN_144 = (float) Math.sin(4 * Math.PI / 5);

    private final int n;
    private final int half;
    /** Power-of-two length L of the sub-FFTs: half = 15·L. */
    private final int subLength;
    private final FloatFFT_1D subFft;
    private final float[][] columns;
    /** W_half^(n1·k2) = exp(−2πi·n1·k2/half), index n1·L + k2. */
    private final float[] columnTwiddleRe;
    private final float[] columnTwiddleIm;
    /** −columnTwiddleIm, for the inverse: the loop then has no sign test. */
    private final float[] columnTwiddleImInverse;
    /** Split twiddles exp(−2πik/n), k = 0..half. */
    private final float[] splitTwiddleRe;
    private final float[] splitTwiddleIm;
    private final float[] packed;
    /** Between the 3-point and the 5-point passes of the 15-point DFTs: [ka·5 + b][row]. */
    private final float[][] stage;

    public RealFft(int n) {
        int l = n / (2 * ODD_FACTOR);
        if (n <= 0 || n % (2 * ODD_FACTOR) != 0 || l < 2 || Integer.bitCount(l) != 1) {
            throw new IllegalArgumentException("length must be 30 times a power of two >= 2, got " + n);
        }
        this.n = n;
        this.half = n / 2;
        this.subLength = l;
        this.subFft = new FloatFFT_1D(l);
        this.columns = new float[ODD_FACTOR][2 * l];
        this.stage = new float[ODD_FACTOR][2 * l];
        this.columnTwiddleRe = new float[ODD_FACTOR * l];
        this.columnTwiddleIm = new float[ODD_FACTOR * l];
        this.columnTwiddleImInverse = new float[ODD_FACTOR * l];
        for (int n1 = 0; n1 < ODD_FACTOR; n1++) {
            for (int k2 = 0; k2 < l; k2++) {
                double angle = -2 * Math.PI * ((long) n1 * k2 % half) / half;
                columnTwiddleRe[n1 * l + k2] = (float) Math.cos(angle);
                columnTwiddleIm[n1 * l + k2] = (float) Math.sin(angle);
                columnTwiddleImInverse[n1 * l + k2] = -columnTwiddleIm[n1 * l + k2];
            }
        }
        this.splitTwiddleRe = new float[half + 1];
        this.splitTwiddleIm = new float[half + 1];
        for (int k = 0; k <= half; k++) {
            double angle = -2 * Math.PI * k / n;
            splitTwiddleRe[k] = (float) Math.cos(angle);
            splitTwiddleIm[k] = (float) Math.sin(angle);
        }
        this.packed = new float[2 * half];
    }

    public int length() {
        return n;
    }

    /** Forward transform of {@code src[from .. from + n)} into bins 0..n/2. */
    public void forward(float[] src, int from, float[] re, float[] im) {
        forward(src, from, null, re, im);
    }

    /** Forward transform of {@code src[from + t]·window[t]}, t = 0..n−1 (window may be null: none). */
    public void forward(float[] src, int from, float[] window, float[] re, float[] im) {
        halfLengthDft(src, from, window, packed, -1);
        // X(k) = E(k) + W^k·O(k), E = (Z(k) + conj Z(half−k))/2, O = (Z(k) − conj Z(half−k))/(2i).
        // Bins 0 and n/2 both come from Z(0): X(0) = Re Z0 + Im Z0, X(n/2) = Re Z0 − Im Z0.
        re[0] = packed[0] + packed[1];
        re[half] = packed[0] - packed[1];
        im[0] = 0f;
        im[half] = 0f;
        for (int k = 1; k < half; k++) {
            int b = half - k;
            float zr = packed[2 * k];
            float zi = packed[2 * k + 1];
            float cr = packed[2 * b];
            float ci = -packed[2 * b + 1];
            float er = 0.5f * (zr + cr);
            float ei = 0.5f * (zi + ci);
            float or = 0.5f * (zi - ci);
            float oi = -0.5f * (zr - cr);
            float wr = splitTwiddleRe[k];
            float wi = splitTwiddleIm[k];
            re[k] = er + wr * or - wi * oi;
            im[k] = ei + wr * oi + wi * or;
        }
    }

    /** Inverse transform (scaled 1/n) of bins 0..n/2 into {@code dst[0 .. n)}; Im of bins 0 and n/2 is ignored. */
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
            float wr = splitTwiddleRe[k];
            float wi = -splitTwiddleIm[k];
            float or = dr * wr - di * wi;
            float oi = dr * wi + di * wr;
            packed[2 * k] = er - oi;
            packed[2 * k + 1] = ei + or;
        }
        halfLengthDft(packed, 0, null, packed, +1);
        float scale = 1f / half;
        for (int m = 0; m < n; m++) {
            dst[m] = packed[m] * scale;
        }
    }

    /**
     * In-place half-point complex DFT with exp(sign·2πi·mk/half), half = 15·L:
     * Z(k2 + L·k1) = Σ_n1 W15^(n1·k1) · [W_half^(n1·k2) · Σ_n2 z(15·n2 + n1)·W_L^(n2·k2)].
     */
    private void halfLengthDft(float[] src, int from, float[] window, float[] z, int sign) {
        int l = subLength;
        for (int n1 = 0; n1 < ODD_FACTOR; n1++) {
            float[] column = columns[n1];
            if (window == null) {
                for (int n2 = 0; n2 < l; n2++) {
                    int at = from + 2 * (ODD_FACTOR * n2 + n1);
                    column[2 * n2] = src[at];
                    column[2 * n2 + 1] = src[at + 1];
                }
            } else {
                for (int n2 = 0; n2 < l; n2++) {
                    int t = 2 * (ODD_FACTOR * n2 + n1);
                    column[2 * n2] = src[from + t] * window[t];
                    column[2 * n2 + 1] = src[from + t + 1] * window[t + 1];
                }
            }
            if (sign < 0) {
                subFft.complexForward(column);
            } else {
                subFft.complexInverse(column, false);
            }
            int base = n1 * l;
            float[] twiddleIm = sign < 0 ? columnTwiddleIm : columnTwiddleImInverse;
            for (int k2 = 0; k2 < l; k2++) {
                float wr = columnTwiddleRe[base + k2];
                float wi = twiddleIm[base + k2];
                float ar = column[2 * k2];
                float ai = column[2 * k2 + 1];
                column[2 * k2] = ar * wr - ai * wi;
                column[2 * k2 + 1] = ar * wi + ai * wr;
            }
        }
        dft15(z, sign);
    }

    /**
     * The L 15-point DFTs across the columns (one per row k2), by the prime-factor split 15 = 3 × 5 (no
     * twiddles): input n1 = (5a + 3b) mod 15, output k1 = (10·ka + 6·kb) mod 15, written to Z(k2 + L·k1).
     * Each butterfly runs over all rows at once, so the inner loops walk memory in order.
     */
    private void dft15(float[] z, int sign) {
        float s = sign;
        int rowEnd = 2 * subLength;
        // Five 3-point DFTs over a (one per b): stage[ka·5 + b].
        for (int b = 0; b < 5; b++) {
            float[] x0 = columns[(3 * b) % 15];
            float[] x1 = columns[(5 + 3 * b) % 15];
            float[] x2 = columns[(10 + 3 * b) % 15];
            float[] y0 = stage[b];
            float[] y1 = stage[5 + b];
            float[] y2 = stage[10 + b];
            for (int j = 0; j < rowEnd; j += 2) {
                float tr = x1[j] + x2[j];
                float ti = x1[j + 1] + x2[j + 1];
                float dr = s * SIN_60 * (x1[j] - x2[j]);
                float di = s * SIN_60 * (x1[j + 1] - x2[j + 1]);
                float mr = x0[j] - 0.5f * tr;
                float mi = x0[j + 1] - 0.5f * ti;
                y0[j] = x0[j] + tr;
                y0[j + 1] = x0[j + 1] + ti;
                // ± i·d: i·(dr + i·di) = −di + i·dr.
                y1[j] = mr - di;
                y1[j + 1] = mi + dr;
                y2[j] = mr + di;
                y2[j + 1] = mi - dr;
            }
        }
        // Three 5-point DFTs over b (one per ka), written to Z(k2 + L·k1).
        for (int ka = 0; ka < 3; ka++) {
            float[] x0 = stage[5 * ka];
            float[] x1 = stage[5 * ka + 1];
            float[] x2 = stage[5 * ka + 2];
            float[] x3 = stage[5 * ka + 3];
            float[] x4 = stage[5 * ka + 4];
            int o0 = rowEnd * ((10 * ka) % 15);
            int o1 = rowEnd * ((10 * ka + 6) % 15);
            int o2 = rowEnd * ((10 * ka + 12) % 15);
            int o3 = rowEnd * ((10 * ka + 18) % 15);
            int o4 = rowEnd * ((10 * ka + 24) % 15);
            for (int j = 0; j < rowEnd; j += 2) {
                float t1r = x1[j] + x4[j];
                float t1i = x1[j + 1] + x4[j + 1];
                float t2r = x2[j] + x3[j];
                float t2i = x2[j + 1] + x3[j + 1];
                float d1r = x1[j] - x4[j];
                float d1i = x1[j + 1] - x4[j + 1];
                float d2r = x2[j] - x3[j];
                float d2i = x2[j + 1] - x3[j + 1];
                float a1r = x0[j] + COS_72 * t1r + COS_144 * t2r;
                float a1i = x0[j + 1] + COS_72 * t1i + COS_144 * t2i;
                float a2r = x0[j] + COS_144 * t1r + COS_72 * t2r;
                float a2i = x0[j + 1] + COS_144 * t1i + COS_72 * t2i;
                float b1r = s * (SIN_72 * d1r + SIN_144 * d2r);
                float b1i = s * (SIN_72 * d1i + SIN_144 * d2i);
                float b2r = s * (SIN_144 * d1r - SIN_72 * d2r);
                float b2i = s * (SIN_144 * d1i - SIN_72 * d2i);
                // X(kb), kb = 0..4; ±i·b = (∓b_i, ±b_r).
                z[o0 + j] = x0[j] + t1r + t2r;
                z[o0 + j + 1] = x0[j + 1] + t1i + t2i;
                z[o1 + j] = a1r - b1i;
                z[o1 + j + 1] = a1i + b1r;
                z[o4 + j] = a1r + b1i;
                z[o4 + j + 1] = a1i - b1r;
                z[o2 + j] = a2r - b2i;
                z[o2 + j + 1] = a2i + b2r;
                z[o3 + j] = a2r + b2i;
                z[o3 + j + 1] = a2i - b2r;
            }
        }
    }
}
