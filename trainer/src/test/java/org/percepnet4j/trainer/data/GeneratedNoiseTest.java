package org.percepnet4j.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.jtransforms.fft.FloatFFT_1D;
import org.junit.jupiter.api.Test;

class GeneratedNoiseTest {
    /** Power spectrum of 1 s (48000 samples → 1 Hz bins). */
    private static double[] spectrum(float[] x) {
        float[] buf = new float[65536];
        for (int i = 0; i < 48000; i++) {
            buf[i] = (float) (x[i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / 48000)));
        }
        new FloatFFT_1D(buf.length).realForward(buf);
        double[] p = new double[buf.length / 2];
        for (int k = 1; k < p.length; k++) {
            p[k] = buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1];
        }
        return p;
    }

    private static double bandPower(double[] p, double loHz, double hiHz) {
        double s = 0;
        for (int k = (int) (loHz * 65536 / 48000); k <= (int) (hiHz * 65536 / 48000); k++) {
            s += p[k];
        }
        return s;
    }

    @Test
    void humIsMainsHarmonics() {
        Random rng = new Random(3);
        for (int trial = 0; trial < 5; trial++) {
            float[] hum = GeneratedNoise.hum(48000, rng);
            double[] p = spectrum(hum);
            double best = 0;
            for (double base : new double[] {50, 60}) {
                double onHarmonics = 0;
                for (int k = 1; k * base < 2000; k++) {
                    onHarmonics += bandPower(p, k * base * 0.994 - 1.5, k * base * 1.006 + 1.5);
                }
                best = Math.max(best, onHarmonics);
            }
            double total = bandPower(p, 20, 2000);
            assertThat(best / total).as("trial %d", trial).isGreaterThan(0.99);
            double between = bandPower(p, 70, 90) + bandPower(p, 270, 280);
            assertThat(between / total).isLessThan(1e-3);
        }
    }

    @Test
    void colouredNoiseIsFiniteAndNotSilent() {
        Random rng = new Random(4);
        for (int trial = 0; trial < 5; trial++) {
            float[] x = GeneratedNoise.coloured(48000, rng);
            double power = 0;
            for (float v : x) {
                assertThat(Float.isFinite(v)).isTrue();
                power += v * v;
            }
            assertThat(power).isPositive();
        }
    }
}
