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

    @org.junit.jupiter.api.Test
    void linkedChannelsGetTheSameGainsSoTheStereoImageStaysPut() {
        // A model whose gains and strengths follow the features, so they change from band to band and hop to hop.
        GainModel featureDriven = new GainModel() {
            @Override
            public String name() {
                return "feature-driven";
            }

            @Override
            public GainPredictor newPredictor() {
                return new GainPredictor() {
                    @Override
                    public void predict(float[] features, float[] gains, float[] strengths) {
                        for (int b = 0; b < BANDS; b++) {
                            gains[b] = (float) (1 / (1 + Math.exp(-3 * (features[b] - 0.5))));
                            strengths[b] = 0.8f * features[BANDS + b];
                        }
                    }

                    @Override
                    public void reset() {
                    }
                };
            }
        };
        Denoiser d = new Denoiser(featureDriven, 2, 2);
        float[] voice = TestSignals.add(TestSignals.harmonic(160, 48000, 0.3, 9), TestSignals.whiteNoise(48000, 0.05, 10), 1);
        float[][] in = new float[2][480];
        float[][] out = new float[2][480];
        double maxDeviation = 0;
        double peak = 0;
        for (int h = 0; h < 100; h++) {
            for (int n = 0; n < 480; n++) {
                in[0][n] = voice[h * 480 + n];
                in[1][n] = 0.5f * voice[h * 480 + n];
            }
            d.processHop(in, out);
            for (int n = 0; n < 480; n++) {
                maxDeviation = Math.max(maxDeviation, Math.abs(out[1][n] - 0.5 * out[0][n]));
                peak = Math.max(peak, Math.abs(out[0][n]));
            }
        }
        assertThat(peak).isGreaterThan(0.05);
        assertThat(maxDeviation / peak).isLessThan(1e-5);
    }
}
