package org.percepnet4j.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.percepnet4j.cli.PercepnetCommand;
import org.percepnet4j.cli.audio.AudioFileType;
import org.percepnet4j.cli.audio.AudioFileWriter;
import org.percepnet4j.cli.audio.SampleFormat;
import org.percepnet4j.cli.denoise.DenoiseJob;
import org.percepnet4j.cli.denoise.FileRenderer;
import org.percepnet4j.cli.denoise.RenderResult;
import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.Processor;
import org.percepnet4j.presets.ParameterSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code percepnet bench}: what the denoiser costs, measured on this machine with the default model and settings.
 * A benchmark that prints numbers, not a test: nothing here passes or fails.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the processing cost: per second of audio, real-time factor, %% of one core, the time of "
                + "each 10 ms block (median, p99, max) and the allocation rate, for mono and stereo at 44.1 and 48 kHz.",
            "With --render-minutes, also time 'percepnet denoise' on a generated 48 kHz stereo 24-bit WAV file."})
public final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    PercepnetCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "S", description = "audio measured per configuration (default: ${DEFAULT-VALUE})")
    double seconds = 30;

    @Option(names = "--warmup", paramLabel = "S", description = "audio processed before measuring (default: ${DEFAULT-VALUE})")
    double warmup = 10;

    @Option(names = "--render-minutes", paramLabel = "MIN",
            description = "also render a file of this many minutes (48 kHz stereo) through the denoise path")
    double renderMinutes;

    @Option(names = "--skip-blocks", description = "only the file render (with --render-minutes)")
    boolean skipBlocks;

    /** One configuration's figures. */
    /**
     * One configuration's figures. Cost and % of one core come from the thread's CPU time, so they do not grow
     * when other processes compete for the cores; the real-time factor and the block times are wall-clock
     * (what a host experiences, preemption included).
     */
    record Figures(String name, double costMsPerSecond, double realTimeFactor, double percentOfCore,
            double medianUs, double p99Us, double maxUs, double allocBytesPerSecond) {
    }

    @Override
    public Integer call() throws IOException {
        if (!(seconds >= 1 && seconds <= 3600) || !(warmup >= 0 && warmup <= 3600)
                || !(renderMinutes >= 0 && renderMinutes <= 600)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--seconds 1..3600, --warmup 0..3600, --render-minutes 0..600");
        }
        PrintWriter out = root.out();
        GainModel model = root.model();
        out.printf(Locale.ROOT, "Model %s, default parameters, %s %s, %d cores%n", model.name(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        if (!skipBlocks) {
            out.printf(Locale.ROOT, "Blocks of 10 ms, %.0f s measured after %.0f s warm-up per configuration.%n%n",
                    seconds, warmup);
            out.printf(Locale.ROOT, "Load average at start: %.1f on %d cores (other processes slow the wall-clock columns).%n%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            out.println("| configuration | CPU per s of audio | % of one core | real-time factor (wall) | block median | block p99 | block max | allocation |");
            out.println("|---|---|---|---|---|---|---|---|");
            for (int channels : new int[] {1, 2}) {
                for (double rate : new double[] {44100, 48000}) {
                    Figures f = measure(model, channels, rate, seconds, warmup);
                    out.printf(Locale.ROOT, "| %s | %.2f ms | %.2f %% | %.0fx | %.1f us | %.1f us | %.1f us | %.0f B/s |%n",
                            f.name(), f.costMsPerSecond(), f.percentOfCore(), f.realTimeFactor(), f.medianUs(),
                            f.p99Us(), f.maxUs(), f.allocBytesPerSecond());
                    out.flush();
                }
            }
        }
        if (renderMinutes > 0) {
            out.println();
            renderFile(model, renderMinutes, out);
        }
        return 0;
    }

    /** Processes one configuration in 10 ms blocks and times every block. */
    static Figures measure(GainModel model, int channels, double rate, double seconds, double warmup) {
        int block = (int) Math.round(rate / 100);
        Processor p = new Processor(model);
        p.prepare(rate, block, channels);
        ParameterSet.defaults().applyTo(p::setParameter);
        float[][] signal = BenchSignal.make(channels, rate, Math.min(seconds, 20), 42);
        int signalBlocks = signal[0].length / block;
        float[][][] blocks = new float[signalBlocks][channels][block];
        for (int b = 0; b < signalBlocks; b++) {
            for (int ch = 0; ch < channels; ch++) {
                System.arraycopy(signal[ch], b * block, blocks[b][ch], 0, block);
            }
        }
        float[][] out = new float[channels][block];
        int warmBlocks = (int) Math.round(warmup * 100);
        for (int i = 0; i < warmBlocks; i++) {
            p.process(blocks[i % signalBlocks], out, block);
        }
        int measured = (int) Math.round(seconds * 100);
        long[] times = new long[measured];
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long alloc0 = mx.getThreadAllocatedBytes(tid);
        long cpu0 = mx.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            long t0 = System.nanoTime();
            p.process(blocks[i % signalBlocks], out, block);
            times[i] = System.nanoTime() - t0;
        }
        long wall = System.nanoTime() - start;
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        long allocated = mx.getThreadAllocatedBytes(tid) - alloc0;
        double audioSeconds = measured * block / rate;
        double wallSeconds = wall / 1e9;
        double cpuSeconds = cpu / 1e9;
        Arrays.sort(times);
        return new Figures((channels == 1 ? "mono" : "stereo") + String.format(Locale.ROOT, " %.1f kHz", rate / 1000),
                cpuSeconds * 1000 / audioSeconds, audioSeconds / wallSeconds, 100 * cpuSeconds / audioSeconds,
                times[measured / 2] / 1e3, times[Math.min(measured - 1, (int) Math.ceil(measured * 0.99) - 1)] / 1e3,
                times[measured - 1] / 1e3, allocated / audioSeconds);
    }

    /** Writes a long 48 kHz stereo 24-bit WAV, then denoises it exactly as 'percepnet denoise' does. */
    private static void renderFile(GainModel model, double minutes, PrintWriter out) throws IOException {
        Path dir = Files.createTempDirectory("percepnet-bench");
        try {
            Path in = dir.resolve("bench-48k-stereo.wav");
            float[][] pattern = BenchSignal.make(2, 48000, 20, 7);
            long frames = Math.round(minutes * 60 * 48000);
            long[] pos = {0};
            AudioFileWriter.write(in, AudioFileType.WAV, 48000, 2, SampleFormat.INT24, frames, (dst, max) -> {
                int n = (int) Math.min(max, frames - pos[0]);
                for (int i = 0; i < n; i++) {
                    int k = (int) ((pos[0] + i) % pattern[0].length);
                    dst[0][i] = pattern[0][k];
                    dst[1][i] = pattern[1][k];
                }
                pos[0] += n;
                return n;
            }, 1);
            FileRenderer renderer = new FileRenderer(model, ParameterSet.defaults(), FileRenderer.DEFAULT_BLOCK,
                    2 <= Runtime.getRuntime().availableProcessors()); // as 'percepnet denoise' does for one file
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            RenderResult r = renderer.render(new DenoiseJob(in, dir.resolve("out.wav"), AudioFileType.WAV), f -> { });
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            out.printf(Locale.ROOT, "File render (the 'percepnet denoise' path: read, process, write 24-bit): "
                    + "%.1f min of 48 kHz stereo 24-bit WAV in %.2f s wall = %.0fx real time; %.2f s of CPU = %.0fx real "
                    + "time per core%n", r.seconds() / 60, r.nanos() / 1e9, r.realTimeFactor(), cpu, r.seconds() / cpu);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
