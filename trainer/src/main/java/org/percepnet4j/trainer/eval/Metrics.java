package org.percepnet4j.trainer.eval;

/** Intrusive signal metrics on time-aligned reference and estimate (same length, same rate). */
public final class Metrics {
    /** Per-frame SNRs are clamped to this range (the usual segmental-SNR convention). */
    public static final double SEG_MIN_DB = -10, SEG_MAX_DB = 35;
    /** Frames whose reference energy is more than this far under the loudest frame count as silence. */
    public static final double ACTIVE_RANGE_DB = 40;
    /** Default frame: 10 ms at 48 kHz (one engine hop). */
    public static final int DEFAULT_FRAME = 480;

    private Metrics() {
    }

    /**
     * Scale-invariant signal-to-distortion ratio in dB (Le Roux et al., 2019): both signals made zero-mean, the
     * reference scaled by the least-squares factor α = ⟨ŝ, s⟩/‖s‖², SI-SDR = 10·log10(‖αs‖² / ‖αs − ŝ‖²).
     */
    public static double siSdr(float[] ref, float[] est) {
        check(ref, est);
        int n = ref.length;
        double mr = 0, me = 0;
        for (int i = 0; i < n; i++) {
            mr += ref[i];
            me += est[i];
        }
        mr /= n;
        me /= n;
        double dot = 0, rr = 0;
        for (int i = 0; i < n; i++) {
            double r = ref[i] - mr;
            dot += r * (est[i] - me);
            rr += r * r;
        }
        if (rr == 0) {
            throw new IllegalArgumentException("SI-SDR needs a non-silent reference");
        }
        double alpha = dot / rr;
        double target = 0, noise = 0;
        for (int i = 0; i < n; i++) {
            double t = alpha * (ref[i] - mr);
            double e = (est[i] - me) - t;
            target += t * t;
            noise += e * e;
        }
        return 10 * Math.log10(Math.max(target, 1e-30) / Math.max(noise, 1e-30));
    }

    /**
     * Segmental SNR in dB over 10 ms frames (480 samples at 48 kHz): the mean of the per-frame SNRs, each clamped to
     * [−10, 35] dB, over the frames where the reference is active (within 40 dB of its loudest frame).
     */
    public static double segmentalSnr(float[] ref, float[] est) {
        return segmentalSnr(ref, est, DEFAULT_FRAME, null);
    }

    /**
     * Segmental SNR over frames of {@code frame} samples. When {@code include} is given, only frames {@code f} with
     * {@code include[f]} count (e.g. voiced frames); otherwise the active frames. NaN when no frame counts.
     */
    public static double segmentalSnr(float[] ref, float[] est, int frame, boolean[] include) {
        check(ref, est);
        if (frame <= 0) {
            throw new IllegalArgumentException("frame must be positive");
        }
        int frames = ref.length / frame;
        double[] sig = new double[frames];
        double[] err = new double[frames];
        double max = 0;
        for (int f = 0; f < frames; f++) {
            for (int i = f * frame; i < (f + 1) * frame; i++) {
                sig[f] += (double) ref[i] * ref[i];
                double d = ref[i] - est[i];
                err[f] += d * d;
            }
            max = Math.max(max, sig[f]);
        }
        double threshold = max * Math.pow(10, -ACTIVE_RANGE_DB / 10);
        double sum = 0;
        int count = 0;
        for (int f = 0; f < frames; f++) {
            boolean use = include != null ? f < include.length && include[f] : sig[f] > threshold && sig[f] > 0;
            if (!use) {
                continue;
            }
            double snr = 10 * Math.log10(Math.max(sig[f], 1e-30) / Math.max(err[f], 1e-30));
            sum += Math.max(SEG_MIN_DB, Math.min(SEG_MAX_DB, snr));
            count++;
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static void check(float[] ref, float[] est) {
        if (ref.length != est.length) {
            throw new IllegalArgumentException("reference and estimate differ in length: " + ref.length + " vs " + est.length);
        }
        if (ref.length == 0) {
            throw new IllegalArgumentException("empty signals");
        }
    }
}
