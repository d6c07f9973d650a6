package org.percepnet4j.trainer.eval;

import org.percepnet4j.engine.Denoiser;
import org.percepnet4j.engine.dsp.ErbBands;
import org.percepnet4j.engine.dsp.OracleGainModel;

/**
 * Which 10 ms segments of a clean signal are voiced, according to the engine's own pitch tracker (one source of
 * truth: the same tracker that steers the comb filter).
 */
public final class Voicing {
    private Voicing() {
    }

    /**
     * voiced[f] for the 480-sample segments [480f, 480f + 480) of {@code clean} (48 kHz): true when both synthesis
     * frames that overlap-add into the segment (frames f and f + 1, each spanning [480(ℓ − 1), 480(ℓ + 1))) were
     * tracked as voiced with {@code lookahead} frames of look-ahead.
     */
    public static boolean[] voicedSegments(float[] clean, int lookahead) {
        int segments = clean.length / Denoiser.HOP;
        float[][] unity = {filled(1f)};
        float[][] none = {filled(0f)};
        Denoiser d = new Denoiser(new OracleGainModel(unity, none, false), 1, lookahead);
        d.setLookahead(lookahead);
        int hops = segments + lookahead + 2;
        boolean[] frameVoiced = new boolean[hops];
        float[][] in = new float[1][Denoiser.HOP];
        float[][] out = new float[1][Denoiser.HOP];
        for (int h = 0; h < hops; h++) {
            java.util.Arrays.fill(in[0], 0f);
            int from = h * Denoiser.HOP;
            int n = Math.max(0, Math.min(Denoiser.HOP, clean.length - from));
            if (n > 0) {
                System.arraycopy(clean, from, in[0], 0, n);
            }
            d.processHop(in, out);
            int frame = h - lookahead; // the output frame analysed at this hop
            if (frame >= 0) {
                frameVoiced[frame] = d.voiced();
            }
        }
        boolean[] voiced = new boolean[segments];
        for (int f = 0; f < segments; f++) {
            voiced[f] = frameVoiced[f] && f + 1 < hops && frameVoiced[f + 1];
        }
        return voiced;
    }

    private static float[] filled(float v) {
        float[] a = new float[ErbBands.BANDS];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
