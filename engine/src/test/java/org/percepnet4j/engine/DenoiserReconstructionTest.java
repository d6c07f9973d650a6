package org.percepnet4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DenoiserReconstructionTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void unityGainsReconstructTheInputAfterTheFixedDelayBelowMinus90dB(int lookahead) {
        Denoiser d = new Denoiser(new UnityGainModel(0f), 1, 3);
        d.setLookahead(lookahead);
        d.setPostFilterAmount(0f);
        assertThat(d.delaySamples()).isEqualTo((1 + lookahead) * 480);

        float[] x = TestSignals.add(TestSignals.whiteNoise(48000, 0.1, 1), TestSignals.harmonic(150, 48000, 0.3, 2), 1);
        float[] y = OfflineRender.render(d, x);

        double errorDb = -TestSignals.snrDb(x, y, 0, x.length);
        assertThat(errorDb).isLessThan(-90);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void linkedChannelsKeepEachChannelsOwnSignalWithUnityGains(int channels) {
        Denoiser d = new Denoiser(new UnityGainModel(0f), channels, 2);
        d.setPostFilterAmount(0f);
        int delay = d.delaySamples();
        int hops = 60;
        float[][] x = new float[channels][];
        for (int c = 0; c < channels; c++) {
            x[c] = TestSignals.harmonic(100 + 70 * c, hops * 480, 0.2, c);
        }
        float[][] in = new float[channels][480];
        float[][] out = new float[channels][480];
        float[][] y = new float[channels][hops * 480];
        for (int h = 0; h < hops; h++) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(x[c], h * 480, in[c], 0, 480);
            }
            d.processHop(in, out);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(out[c], 0, y[c], h * 480, 480);
            }
        }
        for (int c = 0; c < channels; c++) {
            double e = 0;
            double s = 0;
            for (int n = 0; n + delay < hops * 480; n++) {
                double diff = x[c][n] - y[c][n + delay];
                e += diff * diff;
                s += x[c][n] * x[c][n];
            }
            assertThat(10 * Math.log10(e / s)).as("channel %d", c).isLessThan(-90);
        }
    }
}
