package org.percepnet4j.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {
    private static float[] tone(double cyclesPerSample, int n, boolean cosine, double amp) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double p = 2 * Math.PI * cyclesPerSample * i;
            x[i] = (float) (amp * (cosine ? Math.cos(p) : Math.sin(p)));
        }
        return x;
    }

    @Test
    void siSdrOfAnOrthogonalErrorIsThePowerRatio() {
        int n = 48000;
        float[] ref = tone(100.0 / 48000, n, false, 0.5);
        float[] err = tone(100.0 / 48000, n, true, 0.05); // orthogonal over whole periods
        float[] est = new float[n];
        for (int i = 0; i < n; i++) {
            est[i] = ref[i] + err[i];
        }
        assertThat(Metrics.siSdr(ref, est)).isCloseTo(20.0, within(0.01));
    }

    @Test
    void siSdrIgnoresTheEstimateScaleAndOffset() {
        float[] ref = TestSignals.speechLike(48000, 2, 1);
        float[] est = TestSignals.mix(ref, TestSignals.whiteNoise(ref.length, 1, 2), 10);
        double base = Metrics.siSdr(ref, est);
        float[] scaled = new float[est.length];
        for (int i = 0; i < est.length; i++) {
            scaled[i] = 0.25f * est[i] + 0.01f;
        }
        assertThat(Metrics.siSdr(ref, scaled)).isCloseTo(base, within(1e-3));
        assertThat(Metrics.siSdr(ref, ref)).isGreaterThan(100);
    }

    @Test
    void segmentalSnrAveragesClampedFrameSnrsOverActiveFrames() {
        int n = 48000;
        float[] ref = tone(200.0 / 48000, n, false, 0.5);
        for (int i = n / 2; i < n; i++) {
            ref[i] = 0; // second half silent: not counted
        }
        float[] est = new float[n];
        for (int i = 0; i < n; i++) {
            est[i] = 1.1f * ref[i]; // error 20 dB under the signal in every frame
        }
        assertThat(Metrics.segmentalSnr(ref, est)).isCloseTo(20.0, within(0.01));
        assertThat(Metrics.segmentalSnr(ref, ref)).isEqualTo(Metrics.SEG_MAX_DB);
        float[] zero = new float[n];
        assertThat(Metrics.segmentalSnr(ref, zero)).isCloseTo(0.0, within(1e-9));
        float[] awful = new float[n];
        for (int i = 0; i < n; i++) {
            awful[i] = -20 * ref[i];
        }
        assertThat(Metrics.segmentalSnr(ref, awful)).isEqualTo(Metrics.SEG_MIN_DB);
    }

    @Test
    void segmentalSnrCanBeRestrictedToChosenFrames() {
        int n = 4800; // ten frames
        float[] ref = tone(200.0 / 48000, n, false, 0.5);
        float[] est = ref.clone();
        for (int i = 0; i < 480; i++) {
            est[i] = 1.1f * ref[i]; // only frame 0 has an error
        }
        boolean[] onlyFirst = new boolean[10];
        onlyFirst[0] = true;
        assertThat(Metrics.segmentalSnr(ref, est, 480, onlyFirst)).isCloseTo(20.0, within(0.01));
        assertThat(Metrics.segmentalSnr(ref, est, 480, new boolean[10])).isNaN();
    }

    @Test
    void mismatchedOrEmptyInputIsRejected() {
        assertThatThrownBy(() -> Metrics.siSdr(new float[3], new float[4])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metrics.siSdr(new float[0], new float[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metrics.siSdr(new float[8], new float[8])).isInstanceOf(IllegalArgumentException.class);
    }
}
