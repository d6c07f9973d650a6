package org.percepnet4j.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Cost of {@link Processor#process} per second of audio: mono and stereo, 44.1 and 48 kHz, blocks of 32 and
 * 4096 samples. Prints a Markdown table (BENCHMARKS.md, section "Processor"). With a weight file it runs that
 * trained model; without, the test-only {@link FixedGainModel} (gains 0.5, strengths 0.5), and the figures are
 * the whole signal path (resampling, FIFOs, Denoiser DSP, smoothing, limiter, meters) without a network.
 *
 * <p>Thread CPU time is measured (robust on a shared machine); wall time is printed beside it.
 */
public final class ProcessorBenchmark {

    private ProcessorBenchmark() {
    }

    /**
     * Arguments: [seconds of audio per measurement, default 10] [repeats, default 5] [weight file of a trained
     * model, default none: the test-only fixed-gain model].
     */
    public static void main(String[] args) throws java.io.IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        GainModel model = args.length > 2
                ? org.percepnet4j.engine.nn.NeuralGainModel.read(java.nio.file.Path.of(args[2]))
                : new FixedGainModel(0.5f, 0.5f);
        run(model, seconds, repeats);
    }

    static void run(GainModel model, double seconds, int repeats) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "model: %s, %.0f s of audio per measurement, median of %d%n", model.name(),
                seconds, repeats);
        for (int channels : new int[] {1, 2}) { // warm every path up once, so no configuration pays for the JIT
            for (double rate : new double[] {44_100, 48_000}) {
                for (int block : new int[] {32, 4096}) {
                    Processor p = new Processor(model);
                    p.prepare(rate, block, channels);
                    float[][] source = ProcessorTestSignals.noisyTones(channels, (int) rate, rate, 1);
                    feed(p, source, new float[channels][block], new float[channels][block], block,
                            (long) (rate * seconds));
                }
            }
        }
        System.out.println("| channels | rate (Hz) | block | CPU ms per s of audio, median (min) | % of one core (median)"
                + " | wall ms per s, median |");
        System.out.println("|---|---|---|---|---|---|");
        for (int channels : new int[] {1, 2}) {
            for (double rate : new double[] {44_100, 48_000}) {
                for (int block : new int[] {32, 4096}) {
                    Processor p = new Processor(model);
                    p.prepare(rate, block, channels);
                    float[][] source = ProcessorTestSignals.noisyTones(channels, (int) rate, rate, 1);
                    float[][] in = new float[channels][block];
                    float[][] out = new float[channels][block];
                    long total = (long) (rate * seconds);
                    feed(p, source, in, out, block, total); // warm-up: the JIT settles
                    double[] cpu = new double[repeats];
                    double[] wall = new double[repeats];
                    for (int r = 0; r < repeats; r++) {
                        long c0 = threads.getCurrentThreadCpuTime();
                        long w0 = System.nanoTime();
                        feed(p, source, in, out, block, total);
                        cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e6 / seconds;
                        wall[r] = (System.nanoTime() - w0) / 1e6 / seconds;
                    }
                    double cpuMs = median(cpu);
                    System.out.printf(Locale.ROOT, "| %d | %.0f | %d | %.2f (%.2f) | %.2f | %.2f |%n", channels, rate,
                            block, cpuMs, Arrays.stream(cpu).min().orElse(0), cpuMs / 10, median(wall));
                }
            }
        }
        bareDenoiser(model, seconds, repeats, threads);
    }

    /** The bare Denoiser hop loop at 48 kHz, for telling the Processor's own cost apart. */
    private static void bareDenoiser(GainModel model, double seconds, int repeats, ThreadMXBean threads) {
        for (int channels : new int[] {1, 2}) {
            Denoiser d = new Denoiser(model, channels, Processor.MAX_LOOKAHEAD_FRAMES);
            float[][] source = ProcessorTestSignals.noisyTones(channels, 48_000, 48_000, 1);
            float[][] hop = new float[channels][Denoiser.HOP];
            float[][] out = new float[channels][Denoiser.HOP];
            int hops = (int) (seconds * 100);
            double[] cpu = new double[repeats + 1];
            for (int r = 0; r <= repeats; r++) { // the first round is the warm-up
                long c0 = threads.getCurrentThreadCpuTime();
                for (int h = 0; h < hops; h++) {
                    for (int c = 0; c < channels; c++) {
                        System.arraycopy(source[c], (h % 100) * Denoiser.HOP, hop[c], 0, Denoiser.HOP);
                    }
                    d.processHop(hop, out);
                }
                cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e6 / seconds;
            }
            System.out.printf(Locale.ROOT, "bare Denoiser.processHop, %d channel(s), 48 kHz: %.2f ms CPU per s of audio"
                    + " (median of %d)%n", channels, median(Arrays.copyOfRange(cpu, 1, cpu.length)), repeats);
        }
    }

    private static void feed(Processor p, float[][] source, float[][] in, float[][] out, int block, long samples) {
        int len = source[0].length;
        int pos = 0;
        for (long done = 0; done < samples; done += block) {
            for (int c = 0; c < in.length; c++) {
                for (int i = 0; i < block; i++) {
                    in[c][i] = source[c][(pos + i) % len];
                }
            }
            pos = (pos + block) % len;
            p.process(in, out, block);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
