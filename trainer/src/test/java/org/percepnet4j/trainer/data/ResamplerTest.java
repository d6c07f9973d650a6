package org.percepnet4j.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResamplerTest {
    private static float[] sine(double f, int rate, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * f * i / rate));
        }
        return x;
    }

    private static double errorDb(float[] a, float[] b, int from, int to) {
        double e = 0, s = 0;
        for (int i = from; i < to; i++) {
            e += (a[i] - b[i]) * (a[i] - b[i]);
            s += b[i] * b[i];
        }
        return 10 * Math.log10(e / s);
    }

    @Test
    void a44k1ToneBecomesTheSame48kToneWithoutDelay() {
        for (double f : new double[] {100, 1000, 7000, 15000, 19000}) {
            float[] out = new Resampler(44100, 48000).process(sine(f, 44100, 44100));
            float[] expected = sine(f, 48000, 48000);
            assertThat(out).hasSize(48000);
            assertThat(errorDb(out, expected, 2000, 46000)).as("%s Hz", f).isLessThan(-70);
        }
    }

    @Test
    void upsamplingByTwoAndDownsamplingKeepThePassBand() {
        float[] up = new Resampler(24000, 48000).process(sine(3000, 24000, 24000));
        assertThat(errorDb(up, sine(3000, 48000, 48000), 2000, 46000)).isLessThan(-70);
        float[] down = new Resampler(96000, 48000).process(sine(5000, 96000, 96000));
        assertThat(errorDb(down, sine(5000, 48000, 48000), 2000, 46000)).isLessThan(-70);
    }

    @Test
    void contentAboveTheNewNyquistIsRemovedWhenDownsampling() {
        float[] down = new Resampler(96000, 48000).process(sine(30000, 96000, 96000));
        double p = 0;
        for (int i = 2000; i < 46000; i++) {
            p += down[i] * down[i];
        }
        assertThat(10 * Math.log10(p / 44000 / 0.125)).isLessThan(-80);
    }

    @Test
    void sameRateIsACopy() {
        float[] x = sine(440, 48000, 1000);
        assertThat(new Resampler(48000, 48000).process(x)).containsExactly(x);
    }
}
