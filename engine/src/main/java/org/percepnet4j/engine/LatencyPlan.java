package org.percepnet4j.engine;

import org.percepnet4j.engine.resample.RateRatio;

/**
 * How the Processor makes its latency exact and constant: the extra delay of the engine-to-host resampler and
 * the resulting whole number of host samples.
 *
 * <p>All times are on the common grid of both converters ({@code hostRate * E = 48000 * H} ticks per second for
 * the ratio E/H = 48000/hostRate): a host sample is E ticks, an engine sample H ticks. The chain delay is
 * {@code (taps - 1) / 2} (host-to-engine filter) + {@code denoiserDelay * H} + {@code (taps - 1) / 2}
 * (engine-to-host filter) + {@code extra}. Two conditions pick the smallest {@code extra}:
 * <ol>
 * <li>Causality: host output {@code k} is read before host input {@code k} is pushed, so the newest engine
 * sample it needs must belong to a hop completed by input {@code k - 1}. Engine hop {@code h} completes with
 * host input {@code a(h) = floor((480 h + 479) H / E)}, and the first output needing it is
 * {@code ceil((480 h H + extra) / E)}; so {@code extra > a(h) E - 480 h H} for every {@code h} (periodic in
 * {@code h} with period {@code E / gcd(480 H, E)}).</li>
 * <li>Whole samples: the total is a multiple of E.</li>
 * </ol>
 * At 48 kHz (E = H = 1, no filters) this gives extra = 480 and a latency of {@code 480 + denoiserDelay}.
 *
 * @param outputExtraDelay extra delay of the engine-to-host resampler in grid ticks (at 48 kHz: the FIFO depth)
 * @param latencySamples   total latency in host samples
 */
record LatencyPlan(int outputExtraDelay, int latencySamples) {

    static LatencyPlan compute(RateRatio ratio, int prototypeTaps, int denoiserDelay) {
        long e = ratio.engineSamples();
        long h = ratio.hostSamples();
        long hop = Denoiser.HOP;
        long chain = (prototypeTaps - 1) / 2 + denoiserDelay * h + (prototypeTaps - 1) / 2;
        long period = e / gcd(hop * h, e);
        long extra = 0;
        for (long k = 0; k <= period; k++) {
            long completedBy = Math.floorDiv((hop * k + hop - 1) * h, e);
            extra = Math.max(extra, completedBy * e - hop * k * h + 1);
        }
        extra += Math.floorMod(-(chain + extra), e);
        long total = (chain + extra) / e;
        return new LatencyPlan(Math.toIntExact(extra), Math.toIntExact(total));
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
