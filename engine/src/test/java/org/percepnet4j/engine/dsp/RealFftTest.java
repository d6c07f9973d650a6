package org.percepnet4j.engine.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RealFftTest {

    @Test
    void forwardMatchesTheDirectDftAndInverseRestoresTheInput() {
        int n = 960;
        RealFft fft = new RealFft(n);
        Random rng = new Random(1);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        float[] re = new float[n / 2 + 1];
        float[] im = new float[n / 2 + 1];
        fft.forward(x, 0, re, im);
        for (int k = 0; k <= n / 2; k += 7) {
            double sr = 0;
            double si = 0;
            for (int t = 0; t < n; t++) {
                sr += x[t] * Math.cos(2 * Math.PI * k * t / n);
                si -= x[t] * Math.sin(2 * Math.PI * k * t / n);
            }
            assertThat((double) re[k]).as("re %d", k).isCloseTo(sr, within(1e-3));
            assertThat((double) im[k]).as("im %d", k).isCloseTo(si, within(1e-3));
        }
        float[] back = new float[n];
        fft.inverse(re, im, back);
        for (int t = 0; t < n; t++) {
            assertThat(back[t]).isCloseTo(x[t], within(1e-5f));
        }
    }
}
