package org.percepnet4j.engine.resample;

/**
 * The rational factor between a host rate and the engine's 48 kHz: {@code engineSamples / hostSamples}
 * engine samples correspond to that many host samples ({@code 48000 / hostRate = engineSamples / hostSamples}).
 *
 * <p>Standard rates are exact (44.1 kHz: 160/147, 22.05 kHz: 320/147, 8 kHz: 6/1, 192 kHz: 1/4). For an odd
 * rate without a small exact ratio the simplest ratio within 20 ppm is used, else the closest with both terms
 * at most {@link #MAX_TERM}: the engine then runs at {@link #engineRate()} slightly off 48 kHz (44 101 Hz:
 * 197/181, 12 ppm; 8000.5 Hz: 6/1, 62 ppm, 0.1 cent). Output stays at the host rate sample for sample (both
 * directions use the same ratio) and the latency stays exact; only the analysis sees frequencies slightly off.
 *
 * @param engineSamples samples at the engine rate per period (the up factor of host-to-engine conversion)
 * @param hostSamples   host samples per period
 * @param hostRate      the host rate this ratio was made for
 */
public record RateRatio(int engineSamples, int hostSamples, double hostRate) {

    /** The engine's nominal rate. */
    public static final int ENGINE_RATE = 48_000;
    /** Largest term allowed: bounds the number of polyphase branches (and so the coefficient memory). */
    public static final int MAX_TERM = 2000;
    /** A ratio this close (relative) counts as good enough for an odd rate: 20 ppm is 0.03 cent. */
    private static final double GOOD_ENOUGH = 2e-5;

    /** The ratio for a host rate (any positive finite rate; the Processor allows 8 to 192 kHz). */
    public static RateRatio forHostRate(double hostRate) {
        if (!(hostRate > 0) || Double.isInfinite(hostRate)) {
            throw new IllegalArgumentException("sample rate must be positive and finite, got " + hostRate);
        }
        double target = ENGINE_RATE / hostRate;
        int bestUp = 1;
        int bestDown = 1;
        double bestErr = Double.POSITIVE_INFINITY;
        int firstGood = -1;
        int firstGoodUp = 0;
        for (int down = 1; down <= MAX_TERM; down++) {
            long up = Math.round(down * target);
            if (up < 1 || up > MAX_TERM) {
                continue;
            }
            double err = Math.abs(up / (double) down - target) / target;
            if (err < 1e-12) {
                return new RateRatio((int) up, down, hostRate);
            }
            if (err < bestErr) {
                bestErr = err;
                bestUp = (int) up;
                bestDown = down;
            }
            if (firstGood < 0 && err <= GOOD_ENOUGH) {
                firstGood = down;
                firstGoodUp = (int) up;
            }
        }
        return firstGood > 0 ? new RateRatio(firstGoodUp, firstGood, hostRate) : new RateRatio(bestUp, bestDown, hostRate);
    }

    /** True when host and engine rates are the same (no conversion needed). */
    public boolean isIdentity() {
        return engineSamples == 1 && hostSamples == 1;
    }

    /** The rate the engine actually runs at: exactly 48 kHz for every rate with an exact small ratio. */
    public double engineRate() {
        return hostRate * engineSamples / hostSamples;
    }

    /** The common rate both conversions filter at: {@code hostRate * engineSamples = engineRate * hostSamples}. */
    public double commonRate() {
        return hostRate * engineSamples;
    }
}
