package org.percepnet4j.cli.audio;

import java.util.SplittableRandom;

/**
 * Triangular (TPDF) dither of ±1 step peak: the sum of two independent uniform values. It makes the
 * quantisation error of 16-bit output independent of the signal (noise instead of distortion on quiet
 * passages and fades). Seeded, so the same input renders to the same bytes every time.
 */
public final class TpdfDither {

    private final SplittableRandom random;

    public TpdfDither(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next dither value in quantisation steps, in (-1, 1). */
    public double next() {
        return random.nextDouble() - random.nextDouble();
    }
}
