package org.percepnet4j.engine.resample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolyphaseResamplerTest {

    @Test
    void standardRatesHaveExactSmallRatiosTo48kHz() {
        assertThat(RateRatio.forHostRate(44_100)).isEqualTo(new RateRatio(160, 147, 44_100));
        assertThat(RateRatio.forHostRate(22_050)).isEqualTo(new RateRatio(320, 147, 22_050));
        assertThat(RateRatio.forHostRate(8_000)).isEqualTo(new RateRatio(6, 1, 8_000));
        assertThat(RateRatio.forHostRate(192_000)).isEqualTo(new RateRatio(1, 4, 192_000));
        assertThat(RateRatio.forHostRate(176_400)).isEqualTo(new RateRatio(40, 147, 176_400));
        assertThat(RateRatio.forHostRate(48_000).isIdentity()).isTrue();
        for (double r : new double[] {8_000, 11_025, 16_000, 22_050, 32_000, 44_100, 88_200, 96_000, 176_400, 192_000}) {
            assertThat(RateRatio.forHostRate(r).engineRate()).as("%s Hz", r).isEqualTo(48_000.0);
        }
    }

    @Test
    void oddRatesGetTheClosestSmallRatioWithinTwentyPpm() {
        for (double r : new double[] {44_101, 47_999.5, 12_345.678, 191_999}) {
            RateRatio ratio = RateRatio.forHostRate(r);
            assertThat(ratio.engineSamples()).isBetween(1, RateRatio.MAX_TERM);
            assertThat(ratio.hostSamples()).isBetween(1, RateRatio.MAX_TERM);
            assertThat(Math.abs(ratio.engineRate() / 48_000 - 1)).as("%s Hz", r).isLessThan(2e-5);
        }
        assertThatThrownBy(() -> RateRatio.forHostRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {8_000, 44_100, 96_000})
    void prototypeIsFlatInThePassbandAndAtLeast95dBDownInTheStopband(double rate) {
        FilterResponse r = FilterResponse.measure(RateRatio.forHostRate(rate));
        assertThat(r.passbandRippleDb()).isLessThan(0.001);
        assertThat(r.stopbandDb()).isGreaterThan(95);
        assertThat(r.passEdgeHz()).isCloseTo(0.4535 * Math.min(rate, 48_000), org.assertj.core.data.Offset.offset(1.0));
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {44_100, 16_000, 96_000, 22_050})
    void roundTripThroughTheEngineRateIsAPureDelayInThePassband(double rate) {
        RateRatio ratio = RateRatio.forHostRate(rate);
        PolyphaseResampler in = PolyphaseResampler.forRatio(ratio, true, 1, 0);
        int taps = in.prototype().length;
        // choose the output extra delay so the round trip is a whole number of host samples
        int chain = taps - 1;
        int extra = Math.floorMod(-chain, ratio.engineSamples());
        PolyphaseResampler out = PolyphaseResampler.forRatio(ratio, false, 1, extra);
        int delay = (chain + extra) / ratio.engineSamples();
        assertThat(in.delayCommonUnits() + out.delayCommonUnits()).isEqualTo(delay * ratio.engineSamples());

        int length = (int) rate;
        double f = 0.3 * Math.min(rate, 48_000) * 0.9 + 517;
        float[][] x = new float[1][length];
        for (int n = 0; n < length; n++) {
            x[0][n] = (float) (0.5 * Math.sin(2 * Math.PI * f * n / rate));
        }
        float[][] engine = new float[1][in.maxOutputsFor(length)];
        int m = in.process(x, 0, length, engine, 0);
        float[][] back = new float[1][out.maxOutputsFor(m) + out.leadingZeros()];
        int k = out.process(engine, 0, m, back, out.leadingZeros());
        double err = 0;
        double sig = 0;
        for (int n = delay + 2000; n < Math.min(length, k); n++) {
            double ref = x[0][n - delay];
            err += (back[0][n] - ref) * (back[0][n] - ref);
            sig += ref * ref;
        }
        assertThat(10 * Math.log10(err / sig)).as("error in dB").isLessThan(-90);
    }

    @Test
    void outputDoesNotDependOnHowInputIsSplit() {
        RateRatio ratio = RateRatio.forHostRate(44_100);
        PolyphaseResampler a = PolyphaseResampler.forRatio(ratio, true, 2, 3);
        PolyphaseResampler b = PolyphaseResampler.forRatio(ratio, true, 2, 3);
        int length = 5000;
        float[][] x = new float[2][length];
        java.util.Random rng = new java.util.Random(1);
        for (int n = 0; n < length; n++) {
            x[0][n] = (float) rng.nextGaussian();
            x[1][n] = (float) rng.nextGaussian();
        }
        float[][] ya = new float[2][a.maxOutputsFor(length)];
        int na = a.process(x, 0, length, ya, 0);
        float[][] yb = new float[2][ya[0].length];
        float[] frame = new float[2];
        int nb = 0;
        for (int n = 0; n < length; n++) {
            frame[0] = x[0][n];
            frame[1] = x[1][n];
            nb += b.push(frame, yb, nb);
        }
        assertThat(nb).isEqualTo(na);
        assertThat(yb[0]).isEqualTo(ya[0]);
        assertThat(yb[1]).isEqualTo(ya[1]);
        // output k sits at 147 k - 3 on the common grid and needs input floor((147 k - 3) / 160) <= 4999:
        // k = 1 (k = 0 only saw silence before the start) .. 5442
        assertThat(a.leadingZeros()).isEqualTo(1);
        assertThat(na).isEqualTo(5442);
    }
}
