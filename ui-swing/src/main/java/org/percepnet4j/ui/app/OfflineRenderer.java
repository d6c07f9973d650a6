package org.percepnet4j.ui.app;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.engine.Processor;

/**
 * Renders a whole clip through a {@link Processor} the way a host would stream it, then removes the latency: the
 * result has the same length as the input and sample i belongs to input sample i.
 */
public final class OfflineRenderer {

    /** Samples per process call; any size gives the same output (Processor contract). */
    public static final int BLOCK = 4096;

    /** Called with progress 0..1 from the rendering thread. */
    public interface Progress {
        void update(double fraction);
    }

    private final GainModel model;

    public OfflineRenderer(GainModel model) {
        this.model = model;
    }

    /**
     * Renders {@code clip} with {@code settings}.
     *
     * @param started   receives the prepared processor before the first block (the app reads its meters meanwhile)
     * @param cancelled polled between blocks
     * @throws CancellationException when {@code cancelled} turned true
     */
    public float[][] render(AudioClip clip, Map<Parameter, Double> settings, Progress progress,
                            BooleanSupplier cancelled, Consumer<Processor> started) {
        int channels = clip.channels();
        int frames = clip.frames();
        Processor p = new Processor(model);
        settings.forEach(p::setParameter);
        p.prepare(clip.sampleRate(), BLOCK, channels);
        p.reset();
        if (started != null) {
            started.accept(p);
        }
        int latency = p.latencySamples();
        float[][] in = new float[channels][BLOCK];
        float[][] out = new float[channels][BLOCK];
        float[][] result = new float[channels][frames];
        long total = (long) frames + latency;
        for (long pos = 0; pos < total; pos += BLOCK) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("render cancelled");
            }
            int n = (int) Math.min(BLOCK, total - pos);
            for (int c = 0; c < channels; c++) {
                int avail = (int) Math.max(0, Math.min(n, frames - pos));
                if (avail > 0) {
                    System.arraycopy(clip.samples()[c], (int) pos, in[c], 0, avail);
                }
                java.util.Arrays.fill(in[c], Math.max(0, avail), n, 0f); // flush the latency with silence
            }
            p.process(in, out, n);
            // Output sample (pos + i) belongs to input sample (pos + i - latency).
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < n; i++) {
                    long target = pos + i - latency;
                    if (target >= 0 && target < frames) {
                        result[c][(int) target] = out[c][i];
                    }
                }
            }
            progress.update(Math.min(1.0, (pos + n) / (double) total));
        }
        return result;
    }
}
