package org.percepnet4j.engine.resample;

/** Measured magnitude response of a resampler prototype: passband ripple and stopband attenuation. */
public record FilterResponse(double passbandRippleDb, double stopbandDb, double passEdgeHz, double stopEdgeHz) {

    /**
     * Evaluates the prototype's DTFT at the common rate: densely over the passband and the first stretch of
     * the stopband (where the worst sidelobes of a Kaiser design sit), coarser up to half the common rate.
     */
    public static FilterResponse measure(RateRatio ratio) {
        double[] h = PolyphaseResampler.prototypeFor(ratio);
        double common = ratio.commonRate();
        double base = Math.min(ratio.hostRate(), ratio.engineRate());
        double pass = PolyphaseResampler.PASSBAND * base;
        double stop = base - pass;
        double ripple = 0;
        for (int i = 0; i <= 400; i++) {
            double f = pass * i / 400;
            ripple = Math.max(ripple, Math.abs(20 * Math.log10(magnitude(h, f / common))));
        }
        double worst = -400;
        double near = Math.min(3 * base, common / 2);
        for (int i = 0; i <= 600; i++) {
            double f = stop + (near - stop) * i / 600.0;
            worst = Math.max(worst, 20 * Math.log10(magnitude(h, f / common)));
        }
        for (int i = 0; i <= 300; i++) {
            double f = near + (common / 2 - near) * i / 300.0;
            worst = Math.max(worst, 20 * Math.log10(magnitude(h, f / common)));
        }
        return new FilterResponse(ripple, -worst, pass, stop);
    }

    static double magnitude(double[] h, double cyclesPerSample) {
        double re = 0;
        double im = 0;
        int centre = (h.length - 1) / 2;
        for (int n = 0; n < h.length; n++) {
            double phase = -2 * Math.PI * cyclesPerSample * (n - centre);
            re += h[n] * Math.cos(phase);
            im += h[n] * Math.sin(phase);
        }
        return Math.hypot(re, im);
    }
}
