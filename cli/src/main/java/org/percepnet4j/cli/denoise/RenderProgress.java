package org.percepnet4j.cli.denoise;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress of a batch: one bar for the whole batch and one per file being processed. */
public interface RenderProgress extends AutoCloseable {

    /** A tracker for one file; {@code frames} may be -1 when unknown. */
    LongConsumer start(DenoiseJob job, long frames, float sampleRate);

    /** The file is finished (successfully or not). */
    void finish(DenoiseJob job);

    @Override
    void close();

    /** No output (tests, pipes, --no-progress). */
    static RenderProgress none() {
        return new RenderProgress() {
            @Override
            public LongConsumer start(DenoiseJob job, long frames, float sampleRate) {
                return f -> { };
            }

            @Override
            public void finish(DenoiseJob job) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** Console bars (me.tongfei progressbar, on the terminal's standard error), in seconds of audio. */
    static RenderProgress console(List<DenoiseJob> jobs, double totalSeconds) {
        return new ConsoleProgress(jobs.size(), totalSeconds);
    }

    /** Bars in tenths of a second of audio, so files of different rates add up in the overall bar. */
    final class ConsoleProgress implements RenderProgress {
        private final ProgressBar overall;
        private final ConcurrentHashMap<DenoiseJob, ProgressBar> bars = new ConcurrentHashMap<>();

        ConsoleProgress(int files, double totalSeconds) {
            this.overall = builder("All " + files + " files", Math.round(totalSeconds * 10)).build();
        }

        private ProgressBarBuilder builder(String name, long tenths) {
            return new ProgressBarBuilder().setTaskName(name).setInitialMax(Math.max(1, tenths))
                    .setUnit(" s", 10).setStyle(ProgressBarStyle.ASCII).showSpeed().continuousUpdate();
        }

        @Override
        public LongConsumer start(DenoiseJob job, long frames, float sampleRate) {
            String name = job.input().getFileName().toString();
            ProgressBar bar = builder(name.length() > 24 ? name.substring(0, 23) + "…" : name,
                    frames < 0 ? 1 : Math.round(frames / (double) sampleRate * 10)).build();
            bars.put(job, bar);
            long[] last = {0};
            return framesDone -> {
                long tenths = Math.round(framesDone / (double) sampleRate * 10);
                bar.stepTo(tenths);
                synchronized (last) {
                    overall.stepBy(tenths - last[0]);
                    last[0] = tenths;
                }
            };
        }

        @Override
        public void finish(DenoiseJob job) {
            ProgressBar bar = bars.remove(job);
            if (bar != null) {
                bar.stepTo(bar.getMax());
                bar.close();
            }
        }

        @Override
        public void close() {
            bars.values().forEach(ProgressBar::close);
            overall.close();
        }
    }
}
