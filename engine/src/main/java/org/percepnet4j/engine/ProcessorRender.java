package org.percepnet4j.engine;

import java.util.Arrays;

import org.percepnet4j.engine.dsp.OracleGainModel;
import org.percepnet4j.engine.dsp.TrainingFrames;
import org.percepnet4j.engine.resample.PolyphaseResampler;
import org.percepnet4j.engine.resample.RateRatio;

/**
 * Whole-signal rendering through a {@link Processor} at any host rate, time-aligned with the input: the
 * reported latency is removed and the tail is flushed, so sample i of the result belongs to input sample i
 * (no zero-filled start). For offline renders, evaluation and the 44.1-vs-48 kHz quality check.
 */
public final class ProcessorRender {

    /** Block size used to feed the processor; results do not depend on it. */
    private static final int BLOCK = 4096;

    private ProcessorRender() {
    }

    /**
     * Resets the prepared processor, feeds {@code input} ([channels][length]) followed by {@code latencySamples()}
     * of silence, and returns the aligned output, same shape as the input.
     *
     * @throws IllegalArgumentException when the channel count differs from the prepared one or lengths differ
     */
    public static float[][] render(Processor processor, float[][] input) {
        int channels = processor.channels();
        if (input.length != channels) {
            throw new IllegalArgumentException("processor is prepared for " + channels + " channels, input has "
                    + input.length);
        }
        int length = input[0].length;
        for (float[] ch : input) {
            if (ch.length != length) {
                throw new IllegalArgumentException("channels differ in length");
            }
        }
        processor.reset();
        int latency = processor.latencySamples();
        float[][] result = new float[channels][length];
        float[][] in = new float[channels][BLOCK];
        float[][] out = new float[channels][BLOCK];
        long total = (long) length + latency;
        for (long pos = 0; pos < total; pos += BLOCK) {
            int n = (int) Math.min(BLOCK, total - pos);
            for (int c = 0; c < channels; c++) {
                Arrays.fill(in[c], 0f);
                if (pos < length) {
                    System.arraycopy(input[c], (int) pos, in[c], 0, (int) Math.min(n, length - pos));
                }
            }
            processor.process(in, out, n);
            for (int i = 0; i < n; i++) {
                long target = pos + i - latency;
                if (target >= 0 && target < length) {
                    for (int c = 0; c < channels; c++) {
                        result[c][(int) target] = out[c][i];
                    }
                }
            }
        }
        return result;
    }

    /** Mono convenience for {@link #render(Processor, float[][])}. */
    public static float[] render(Processor processor, float[] input) {
        return render(processor, new float[][] {input})[0];
    }

    /**
     * The oracle at any host rate, through the whole Processor path (rate conversion, hops, latency): targets
     * are computed by {@link TrainingFrames} from exactly the 48 kHz streams the Processor's input converter
     * makes of {@code clean} and {@code noisy}, so they line up with its hops. No post-filter, no attenuation
     * limit (100 dB). At 48 kHz this is the same as {@link OfflineRender#oracle}. Returns the enhanced signal
     * aligned with the input, at the host rate.
     *
     * @param clean     the target at the host rate, same length as {@code noisy}
     * @param noisy     the input at the host rate
     * @param rate      host rate, 8..192 kHz
     * @param lookaheadFrames 0..{@value Processor#MAX_LOOKAHEAD_FRAMES}
     * @param cutoffHz  band-limit of the example (bands above do not count in training; passed on)
     */
    public static float[] oracle(float[] clean, float[] noisy, double rate, int lookaheadFrames, double cutoffHz) {
        if (clean.length != noisy.length) {
            throw new IllegalArgumentException("clean and noisy differ in length: " + clean.length + " vs "
                    + noisy.length);
        }
        if (lookaheadFrames < 0 || lookaheadFrames > Processor.MAX_LOOKAHEAD_FRAMES) {
            throw new IllegalArgumentException("lookaheadFrames must be 0.." + Processor.MAX_LOOKAHEAD_FRAMES);
        }
        float[] clean48 = toEngineRate(clean, rate);
        float[] noisy48 = toEngineRate(noisy, rate);
        // targets for every hop whose output frame still covers the signal: its hops plus the look-ahead and the
        // overlap, with margin (the oracle model repeats its last row beyond, which only meets the flushed tail)
        int hops = (noisy48.length + Denoiser.HOP - 1) / Denoiser.HOP + lookaheadFrames + 4;
        TrainingFrames targets = TrainingFrames.compute(Arrays.copyOf(clean48, hops * Denoiser.HOP),
                Arrays.copyOf(noisy48, hops * Denoiser.HOP), lookaheadFrames, cutoffHz);
        Processor p = new Processor(OracleGainModel.of(targets, true));
        p.setParameter(Parameter.LOOKAHEAD, 10 * lookaheadFrames);
        p.setParameter(Parameter.POST_FILTER, 0);
        p.setParameter(Parameter.SUPPRESSION, Parameter.SUPPRESSION.max());
        p.prepare(rate, BLOCK, 1);
        return render(p, noisy);
    }

    /** The 48 kHz stream the Processor's input converter makes of a host-rate signal (a copy at 48 kHz). */
    static float[] toEngineRate(float[] x, double rate) {
        RateRatio ratio = RateRatio.forHostRate(rate);
        if (ratio.isIdentity()) {
            return x.clone();
        }
        PolyphaseResampler r = PolyphaseResampler.forRatio(ratio, true, 1, 0);
        float[][] out = new float[1][r.maxOutputsFor(x.length)];
        int n = r.process(new float[][] {x}, 0, x.length, out, 0);
        return Arrays.copyOf(out[0], n);
    }
}
