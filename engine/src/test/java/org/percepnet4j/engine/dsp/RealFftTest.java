package org.percepnet4j.engine.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RealFftTest {

    @ParameterizedTest
    @ValueSource(ints = {60, 120, 240, 480, 960, 1920})
    void forwardMatchesTheDirectDftInEveryBin(int n) {
        RealFft fft = new RealFft(n);
        Random rng = new Random(n);
        float[] x = new float[n + 37];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        float[] window = new float[n];
        for (int t = 0; t < n; t++) {
            window[t] = (float) Math.sin(Math.PI * (t + 0.5) / n);
        }
        float[] re = new float[n / 2 + 1];
        float[] im = new float[n / 2 + 1];
        for (float[] w : new float[][] {null, window}) {
            fft.forward(x, 37, w, re, im);
            double tolerance = 2e-6 * n;
            for (int k = 0; k <= n / 2; k++) {
                double sr = 0;
                double si = 0;
                for (int t = 0; t < n; t++) {
                    double v = x[37 + t] * (w == null ? 1.0 : w[t]);
                    double angle = 2 * Math.PI * ((long) k * t % n) / n;
                    sr += v * Math.cos(angle);
                    si -= v * Math.sin(angle);
                }
                assertThat((double) re[k]).as("n %d re %d", n, k).isCloseTo(sr, within(tolerance));
                assertThat((double) im[k]).as("n %d im %d", n, k).isCloseTo(si, within(tolerance));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 960, 1920})
    void inverseIsTheScaledRealInverseDftAndIgnoresImaginaryPartsOfTheEdgeBins(int n) {
        RealFft fft = new RealFft(n);
        Random rng = new Random(7 * n);
        int half = n / 2;
        float[] re = new float[half + 1];
        float[] im = new float[half + 1];
        for (int k = 0; k <= half; k++) {
            re[k] = (float) rng.nextGaussian();
            im[k] = (float) rng.nextGaussian(); // including bins 0 and n/2, which must be ignored
        }
        float[] x = new float[n];
        fft.inverse(re, im, x);
        for (int t = 0; t < n; t++) {
            double sum = re[0] + re[half] * ((t & 1) == 0 ? 1 : -1);
            for (int k = 1; k < half; k++) {
                double angle = 2 * Math.PI * ((long) k * t % n) / n;
                sum += 2 * (re[k] * Math.cos(angle) - im[k] * Math.sin(angle));
            }
            assertThat((double) x[t]).as("n %d t %d", n, t).isCloseTo(sum / n, within(1e-6));
        }
    }

    @Test
    void inverseRestoresTheInputAndTheInputIsLeftUntouched() {
        int n = 960;
        RealFft fft = new RealFft(n);
        Random rng = new Random(1);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        float[] copy = x.clone();
        float[] re = new float[n / 2 + 1];
        float[] im = new float[n / 2 + 1];
        fft.forward(x, 0, re, im);
        float[] reCopy = re.clone();
        float[] imCopy = im.clone();
        float[] back = new float[n];
        fft.inverse(re, im, back);
        assertThat(x).containsExactly(copy);
        assertThat(re).containsExactly(reCopy);
        assertThat(im).containsExactly(imCopy);
        for (int t = 0; t < n; t++) {
            assertThat(back[t]).isCloseTo(x[t], within(2e-6f));
        }
    }

    @Test
    void rejectsLengthsItCannotSplit() {
        for (int n : new int[] {0, -960, 30, 90, 900, 1024}) {
            assertThatThrownBy(() -> new RealFft(n)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("30 times a power of two");
        }
    }
}
