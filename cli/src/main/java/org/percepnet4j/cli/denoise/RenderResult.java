package org.percepnet4j.cli.denoise;

/**
 * What one render did.
 *
 * @param job             the file
 * @param frames          frames written (equal to the input's)
 * @param sampleRate      frames per second
 * @param nanos           wall time
 * @param latencySamples  the processor latency that was removed
 * @param nonFiniteInput  NaN/Inf input samples that were replaced by silence
 */
public record RenderResult(DenoiseJob job, long frames, float sampleRate, long nanos, int latencySamples,
        long nonFiniteInput) {

    public double seconds() {
        return frames / (double) sampleRate;
    }

    /** Seconds of audio per second of wall time. */
    public double realTimeFactor() {
        return seconds() / Math.max(1e-9, nanos / 1e9);
    }
}
