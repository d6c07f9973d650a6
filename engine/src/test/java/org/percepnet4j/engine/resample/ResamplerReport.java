package org.percepnet4j.engine.resample;

import java.util.Locale;

import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.GainPredictor;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.engine.Processor;

/**
 * Prints the measured resampler figures and the Processor's latency at every supported rate (the table in
 * BENCHMARKS.md). Run: see BENCHMARKS.md, section "Processor".
 */
public final class ResamplerReport {

    private ResamplerReport() {
    }

    public static void main(String[] args) {
        double[] rates = {8_000, 11_025, 16_000, 22_050, 32_000, 44_100, 48_000, 88_200, 96_000, 176_400, 192_000};
        System.out.println("| rate (Hz) | ratio 48k/rate | taps/phase in, out | passband | ripple (dB) | stopband (dB)"
                + " | resampler round trip | latency M=0 / 1 / 2 (samples) | (ms) | above (2+M)*10 ms"
                + " | unity-gain chain error, M=2 (dB) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        GainModel unity = new GainModel() {
            @Override
            public String name() {
                return "unity";
            }

            @Override
            public GainPredictor newPredictor() {
                return new GainPredictor() {
                    @Override
                    public void predict(float[] features, float[] gains, float[] strengths) {
                        java.util.Arrays.fill(gains, 1f);
                        java.util.Arrays.fill(strengths, 0f);
                    }

                    @Override
                    public void reset() {
                    }
                };
            }
        };
        for (double rate : rates) {
            RateRatio ratio = RateRatio.forHostRate(rate);
            String taps = "-";
            String resp = "-";
            String ripple = "-";
            String stop = "-";
            String roundTrip = "0";
            if (!ratio.isIdentity()) {
                PolyphaseResampler in = PolyphaseResampler.forRatio(ratio, true, 1, 0);
                PolyphaseResampler out = PolyphaseResampler.forRatio(ratio, false, 1, 0);
                FilterResponse r = FilterResponse.measure(ratio);
                taps = in.tapsPerPhase() + ", " + out.tapsPerPhase();
                resp = String.format(Locale.ROOT, "0-%.0f Hz, stop from %.0f Hz", r.passEdgeHz(), r.stopEdgeHz());
                ripple = String.format(Locale.ROOT, "%.6f", r.passbandRippleDb());
                stop = String.format(Locale.ROOT, "%.1f", r.stopbandDb());
                double ticks = in.delayCommonUnits() + out.delayCommonUnits();
                roundTrip = String.format(Locale.ROOT, "%.2f ms", 1000 * ticks / ratio.commonRate());
            }
            int[] lat = new int[3];
            double errorDb = 0;
            for (int m = 0; m <= 2; m++) {
                Processor p = new Processor(unity);
                p.setParameter(Parameter.LOOKAHEAD, 10 * m);
                p.setParameter(Parameter.POST_FILTER, 0);
                p.prepare(rate, 512, 1);
                lat[m] = p.latencySamples();
                if (m == 2) {
                    errorDb = unityChainErrorDb(p, rate);
                }
            }
            System.out.printf(Locale.ROOT, "| %.0f | %d/%d | %s | %s | %s | %s | %s | %d / %d / %d | %.2f / %.2f / %.2f | %.2f ms | %.1f |%n",
                    rate, ratio.engineSamples(), ratio.hostSamples(), taps, resp, ripple, stop, roundTrip,
                    lat[0], lat[1], lat[2], 1000 * lat[0] / rate, 1000 * lat[1] / rate, 1000 * lat[2] / rate,
                    1000 * lat[0] / rate - 20, errorDb);
        }
    }

    /**
     * A band-limited pulse (Hann-windowed sinc to min(0.35 rate, 16 kHz)) through the whole Processor with unity
     * gains: energy of (output - input delayed by latencySamples()) relative to the input, in dB.
     */
    private static double unityChainErrorDb(Processor p, double rate) {
        int latency = p.latencySamples();
        int at = 2 * (int) (rate / 100) + 37;
        int length = at + latency + (int) (rate / 20);
        double fc = Math.min(0.35 * rate, 16_000) / rate;
        int half = (int) Math.ceil(8 / fc);
        float[][] x = new float[1][length];
        for (int n = Math.max(0, at - half); n <= Math.min(length - 1, at + half); n++) {
            int k = n - at;
            double sinc = k == 0 ? 1 : Math.sin(2 * Math.PI * fc * k) / (2 * Math.PI * fc * k);
            x[0][n] = (float) (0.5 * sinc * (0.5 + 0.5 * Math.cos(Math.PI * k / (half + 1))));
        }
        float[][] y = new float[1][length];
        p.process(x, y, length);
        double sig = 0;
        double err = 0;
        for (int n = 0; n < length; n++) {
            double ref = n >= latency ? x[0][n - latency] : 0;
            sig += x[0][n] * x[0][n];
            err += (y[0][n] - ref) * (y[0][n] - ref);
        }
        return 10 * Math.log10(err / sig);
    }
}
