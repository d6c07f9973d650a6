package org.percepnet4j.ui.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.MeterSnapshot;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.engine.Processor;
import org.percepnet4j.ui.EditorModel;
import org.percepnet4j.ui.EditorPanel;
import org.percepnet4j.ui.PresetEntry;
import org.percepnet4j.ui.ProcessorEditorModel;
import org.percepnet4j.ui.TestSignals;
import org.percepnet4j.ui.Theme;

/**
 * Audio-thread cost of {@link Processor#process} with and without the editor open: a thread plays the host (stereo,
 * 48 kHz, 512-sample blocks, paced at real time) and times every call, while the editor is alternately closed and
 * open (repainting at 30 fps on an X display). Phases alternate A/B several times so drift in the load of a shared
 * machine hits both equally. Prints the per-call cost of both conditions and the relative increase.
 *
 * <p>Arguments: {@code [secondsPerPhase=10] [rounds=4] [model]} where model is a weight file (.safetensors) or
 * {@code constant} (the test model: no network cost). Needs a display (run under {@code xvfb-run -a}).
 * CPU time is the audio thread's own (ThreadMXBean), so it counts the processor's work and nothing that merely
 * preempts it; wall time includes preemption by other threads and processes.
 */
public final class EditorOverheadBench {

    private static final int BLOCK = 512;
    private static final int RATE = 48000;

    private EditorOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        double phaseSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        String modelName = args.length > 2 ? args[2] : "constant";
        GainModel model = modelName.equals("constant")
                ? new org.percepnet4j.ui.ConstantGainModel(0.3f)
                : org.percepnet4j.engine.nn.NeuralGainModel.read(java.nio.file.Path.of(modelName));

        Processor processor = new Processor(model);
        processor.prepare(RATE, BLOCK, 2);
        float[][] signal = TestSignals.noisyVoice(RATE, 2, 8.0, 5, 42);

        int maxCalls = (int) (phaseSeconds * RATE / BLOCK) + 16;
        long[][] samples = new long[2][maxCalls * rounds];
        long[][] cpu = new long[2][maxCalls * rounds];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int[] counts = new int[2];
        AtomicInteger phase = new AtomicInteger(-1); // -1 = warm-up / not recording, 0 = closed, 1 = open
        AtomicLong calls = new AtomicLong();
        Thread audio = new Thread(() -> {
            float[][] in = new float[2][BLOCK];
            float[][] out = new float[2][BLOCK];
            int pos = 0;
            long period = 1_000_000_000L * BLOCK / RATE;
            long next = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                for (int c = 0; c < 2; c++) {
                    System.arraycopy(signal[c], pos, in[c], 0, BLOCK);
                }
                pos = (pos + BLOCK) % (signal[0].length - BLOCK);
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                processor.process(in, out, BLOCK);
                long dt = System.nanoTime() - t0;
                long dc = threads.getCurrentThreadCpuTime() - c0;
                int ph = phase.get();
                if (ph >= 0 && counts[ph] < samples[ph].length) {
                    cpu[ph][counts[ph]] = dc;
                    samples[ph][counts[ph]++] = dt;
                }
                calls.incrementAndGet();
                next += period;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    LockSupport.parkNanos(sleep);
                } else if (sleep < -100 * period) {
                    next = System.nanoTime(); // fell far behind (machine busy): resynchronise, like a host would
                }
            }
        }, "bench-audio");
        audio.setDaemon(true);
        audio.setPriority(Thread.MAX_PRIORITY);
        audio.start();

        AtomicLong frames = new AtomicLong();
        EditorModel counting = new CountingModel(new ProcessorEditorModel(processor, null, null), frames);
        SwingUtilities.invokeAndWait(Theme::install);

        System.out.printf(Locale.ROOT, "model %s, stereo %d Hz, %d-sample blocks, %d rounds of %.0f s closed + %.0f s open%n",
                model.name(), RATE, BLOCK, rounds, phaseSeconds, phaseSeconds);
        // Warm-up with the editor open once, so both code paths are compiled before measuring.
        JFrame warm = open(counting);
        Thread.sleep((long) (phaseSeconds * 500));
        close(warm);
        Thread.sleep((long) (phaseSeconds * 500));

        long framesOpen = 0;
        double openSeconds = 0;
        for (int r = 0; r < rounds; r++) {
            phase.set(0);
            Thread.sleep((long) (phaseSeconds * 1000));
            phase.set(-1);
            JFrame f = open(counting);
            Thread.sleep(300); // let the window map and the timer start
            long f0 = frames.get();
            long t0 = System.nanoTime();
            phase.set(1);
            Thread.sleep((long) (phaseSeconds * 1000));
            phase.set(-1);
            framesOpen += frames.get() - f0;
            openSeconds += (System.nanoTime() - t0) / 1e9;
            close(f);
        }
        audio.interrupt();

        Stats closed = Stats.of(samples[0], counts[0]);
        Stats open = Stats.of(samples[1], counts[1]);
        Stats closedCpu = Stats.of(cpu[0], counts[0]);
        Stats openCpu = Stats.of(cpu[1], counts[1]);
        double budgetUs = 1e6 * BLOCK / RATE;
        System.out.printf(Locale.ROOT, "editor frames per second while open: %.1f%n", framesOpen / openSeconds);
        System.out.printf(Locale.ROOT, "audio-thread CPU time per block, editor closed: %s (%.2f %% of one core)%n",
                closedCpu, 100 * closedCpu.mean / budgetUs);
        System.out.printf(Locale.ROOT, "audio-thread CPU time per block, editor open:   %s (%.2f %% of one core)%n",
                openCpu, 100 * openCpu.mean / budgetUs);
        System.out.printf(Locale.ROOT, "wall time per process() call, editor closed:   %s%n", closed);
        System.out.printf(Locale.ROOT, "wall time per process() call, editor open:     %s%n", open);
        System.out.printf(Locale.ROOT, "increase with the editor open: CPU time mean %+.1f %%, median %+.1f %%;"
                        + " wall time mean %+.1f %%, median %+.1f %%%n",
                100 * (openCpu.mean / closedCpu.mean - 1), 100 * (openCpu.median / closedCpu.median - 1),
                100 * (open.mean / closed.mean - 1), 100 * (open.median / closed.median - 1));
        System.exit(0);
    }

    private static JFrame open(EditorModel model) throws Exception {
        JFrame[] f = {null};
        SwingUtilities.invokeAndWait(() -> {
            f[0] = new JFrame("editor");
            f[0].setContentPane(new EditorPanel(model));
            f[0].pack();
            f[0].setVisible(true);
        });
        return f[0];
    }

    private static void close(JFrame f) throws Exception {
        SwingUtilities.invokeAndWait(f::dispose);
    }

    /** Counts meter reads: one per editor frame. */
    private record CountingModel(EditorModel inner, AtomicLong frames) implements EditorModel {
        @Override
        public double get(Parameter p) {
            return inner.get(p);
        }

        @Override
        public void set(Parameter p, double plainValue) {
            inner.set(p, plainValue);
        }

        @Override
        public void readMeters(MeterSnapshot dst) {
            frames.incrementAndGet();
            inner.readMeters(dst);
        }

        @Override
        public List<PresetEntry> presets() {
            return inner.presets();
        }
    }

    private record Stats(int n, double mean, double median, double p99) {
        static Stats of(long[] ns, int count) {
            long[] s = Arrays.copyOf(ns, count);
            Arrays.sort(s);
            double sum = 0;
            for (long v : s) {
                sum += v;
            }
            return new Stats(count, sum / count / 1e3, s[count / 2] / 1e3, s[(int) (count * 0.99)] / 1e3);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "mean %.1f us, median %.1f us, p99 %.1f us (%d calls)",
                    mean, median, p99, n);
        }
    }
}
