package org.percepnet4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rate converters must not cost quality: the oracle through the Processor at 44.1 kHz (and other rates)
 * is within 0.5 dB SI-SDR of the same at 48 kHz. Synthetic voiced "speech" in white noise at 0 dB SNR made at
 * 48 kHz; the host-rate versions of clean and noisy are converted from it (so both rates hear the same
 * material). The same check on real held-out speech belongs with the trainer's corpus tools and uses
 * {@link ProcessorRender#oracle} the same way.
 */
class ProcessorRateQualityTest {

    private static final int LOOKAHEAD = 2;

    /** Harmonic voice with vibrato and pauses, and white noise at 0 dB SNR, sampled at {@code rate}. */
    private static float[][] cleanAndNoisy(double rate, double seconds, long seed) {
        int length = (int) (rate * seconds);
        float[] clean = new float[length];
        double phase = 0;
        for (int n = 0; n < length; n++) {
            double t = n / rate;
            double f0 = 140 + 15 * Math.sin(2 * Math.PI * 3 * t);
            phase += 2 * Math.PI * f0 / rate;
            double v = 0;
            for (int k = 1; k * f0 < 7000; k++) {
                v += Math.sin(k * phase) / k;
            }
            double envelope = (t % 1.0) < 0.7 ? Math.sin(Math.PI * (t % 1.0) / 0.7) : 0;
            clean[n] = (float) (0.15 * envelope * v);
        }
        Random rng = new Random(seed);
        double cleanPower = 0;
        for (float v : clean) {
            cleanPower += v * v;
        }
        double noiseRms = Math.sqrt(cleanPower / length);
        float[] noisy = new float[length];
        for (int n = 0; n < length; n++) {
            noisy[n] = (float) (clean[n] + noiseRms * rng.nextGaussian());
        }
        return new float[][] {clean, noisy};
    }

    static double siSdr(float[] ref, float[] est) {
        double dot = 0;
        double refPower = 0;
        for (int n = 0; n < ref.length; n++) {
            dot += ref[n] * est[n];
            refPower += ref[n] * ref[n];
        }
        double alpha = dot / refPower;
        double target = 0;
        double error = 0;
        for (int n = 0; n < ref.length; n++) {
            double s = alpha * ref[n];
            target += s * s;
            error += (est[n] - s) * (est[n] - s);
        }
        return 10 * Math.log10(target / error);
    }

    @Test
    void at48kHzTheProcessorOracleIsTheDenoiserOracle() {
        float[][] cn = cleanAndNoisy(48_000, 2, 1);
        float[] viaProcessor = ProcessorRender.oracle(cn[0], cn[1], 48_000, LOOKAHEAD, 24_000);
        float[] direct = OfflineRender.oracle(cn[0], cn[1], LOOKAHEAD, 24_000, true);
        double gap = Math.abs(siSdr(cn[0], viaProcessor) - siSdr(cn[0], direct));
        assertThat(gap).isLessThan(0.01);
        assertThat(siSdr(cn[0], viaProcessor) - siSdr(cn[0], cn[1])).isGreaterThan(8);
    }

    /** A 48 kHz signal at another rate, through the engine-to-host converter (its delay is the same for all). */
    private static float[] fromEngineRate(float[] x, double rate) {
        org.percepnet4j.engine.resample.PolyphaseResampler r = org.percepnet4j.engine.resample.PolyphaseResampler
                .forRatio(org.percepnet4j.engine.resample.RateRatio.forHostRate(rate), false, 1, 0);
        float[][] out = new float[1][r.maxOutputsFor(x.length)];
        int n = r.process(new float[][] {x}, 0, x.length, out, 0);
        return java.util.Arrays.copyOf(out[0], n);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {44_100, 32_000, 96_000})
    void oracleQualityThroughTheConvertersIsWithinHalfADecibelOf48kHz(double rate) {
        float[][] at48 = cleanAndNoisy(48_000, 3, 2);
        float[][] atRate = {fromEngineRate(at48[0], rate), fromEngineRate(at48[1], rate)};
        double sdr48 = siSdr(at48[0], ProcessorRender.oracle(at48[0], at48[1], 48_000, LOOKAHEAD, 24_000));
        double sdrRate = siSdr(atRate[0], ProcessorRender.oracle(atRate[0], atRate[1], rate, LOOKAHEAD, 24_000));
        assertThat(Math.abs(sdrRate - sdr48)).as("48 kHz %.2f dB, %s Hz %.2f dB", sdr48, rate, sdrRate)
                .isLessThan(0.5);
    }

    @Test
    void renderIsAlignedAndIndependentOfTheProcessorsHistory() {
        float[][] x = new float[2][30_000];
        for (int n = 0; n < 30_000; n++) {
            x[0][n] = (float) (0.2 * Math.sin(2 * Math.PI * 220 * n / 44_100) + 0.1 * Math.sin(2 * Math.PI * 3100 * n / 44_100));
            x[1][n] = -0.5f * x[0][n];
        }
        Processor p = new Processor(FixedGainModel.unity());
        p.setParameter(Parameter.POST_FILTER, 0);
        p.prepare(44_100, 512, 2);
        ProcessorRender.render(p, ProcessorTestSignals.noisyTones(2, 5_000, 44_100, 9)); // some other history
        float[][] y = ProcessorRender.render(p, x);
        double err = 0;
        double sig = 0;
        for (int n = 2000; n < 28_000; n++) {
            err += (y[0][n] - x[0][n]) * (y[0][n] - x[0][n]);
            sig += x[0][n] * x[0][n];
        }
        assertThat(10 * Math.log10(err / sig)).isLessThan(-60);
    }
}
