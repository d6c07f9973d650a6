package org.percepnet4j.cli.spectrogram;

/**
 * Level → colour for spectrograms: dark for quiet, through purple and red to pale yellow for loud. The lightness
 * rises steadily, so the picture also reads in greyscale and for colour-blind viewers.
 */
final class ColourMap {

    // Control points (position 0..1, r, g, b), chosen by eye along an increasing-lightness path.
    private static final float[][] STOPS = {
        {0.00f, 0, 0, 4},
        {0.15f, 28, 16, 68},
        {0.35f, 100, 26, 128},
        {0.55f, 181, 54, 122},
        {0.72f, 240, 96, 70},
        {0.87f, 253, 174, 70},
        {1.00f, 252, 253, 191},
    };

    private ColourMap() {
    }

    /** RGB of a position in [0, 1] (values outside are clamped). */
    static int rgb(double t) {
        float x = (float) Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t));
        for (int i = 1; i < STOPS.length; i++) {
            if (x <= STOPS[i][0]) {
                float[] a = STOPS[i - 1];
                float[] b = STOPS[i];
                float u = (x - a[0]) / (b[0] - a[0]);
                int r = Math.round(a[1] + u * (b[1] - a[1]));
                int g = Math.round(a[2] + u * (b[2] - a[2]));
                int bl = Math.round(a[3] + u * (b[3] - a[3]));
                return r << 16 | g << 8 | bl;
            }
        }
        float[] last = STOPS[STOPS.length - 1];
        return Math.round(last[1]) << 16 | Math.round(last[2]) << 8 | Math.round(last[3]);
    }
}
