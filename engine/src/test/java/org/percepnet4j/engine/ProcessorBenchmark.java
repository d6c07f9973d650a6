package org.percepnet4j.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Cost of {@link Processor#process} per second of audio: mono and stereo, 44.1 and 48 kHz, blocks of 32 and
 * 4096 samples. Prints a Markdown table (BENCHMARKS.md, section "Processor"). Uses the test-only
 * {@link FixedGainModel} (gains 0.5, strengths 0.5) unless a model is supplied by a caller: the figures are the
 * whole signal path (resampling, FIFOs, Denoiser DSP, smoothing, limiter, meters) without a network.
 *
 * <p>Thread CPU time is measured (robust on a shared machine); wall time is printed beside it.
 */
public final class ProcessorBenchmark {

    private ProcessorBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        run(new FixedGainModel(0.5f, 0.5f), seconds, repeats);
    }

    static void run(GainModel model, double seconds, int repeats) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "model: %s, %.0f s of audio per measurement, median of %d%n", model.name(),
                seconds, repeats);
        System.out.println("| channels | rate (Hz) | block | CPU ms per s of audio | % of one core | wall ms per s |");
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
                    System.out.printf(Locale.ROOT, "| %d | %.0f | %d | %.2f | %.2f | %.2f |%n", channels, rate, block,
                            cpuMs, cpuMs / 10, median(wall));
                }
            }
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
