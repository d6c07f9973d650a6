package org.percepnet4j.cli.live;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.percepnet4j.engine.Processor;

/**
 * Capture → {@link Processor} → playback, one 10 ms block at a time, as 16-bit little-endian PCM. The loop is
 * separate from Java Sound so it can be tested with in-memory streams.
 */
public final class LiveLoop {

    /** Where captured bytes come from (a TargetDataLine in use). */
    @FunctionalInterface
    public interface Input {
        /** Blocks until {@code len} bytes are read, or returns fewer when the input ends. */
        int read(byte[] b, int off, int len) throws IOException;
    }

    /** Where processed bytes go (a SourceDataLine in use). */
    @FunctionalInterface
    public interface Output {
        void write(byte[] b, int off, int len) throws IOException;
    }

    private final Processor processor;
    private final int channels;
    private final int blockFrames;
    private final byte[] bytes;
    private final float[][] in;
    private final float[][] out;
    private long frames;

    /** @param processor prepared for the stream's rate and channels, with {@code blockFrames} as its block size */
    public LiveLoop(Processor processor, int blockFrames) {
        this.processor = processor;
        this.channels = processor.channels();
        this.blockFrames = blockFrames;
        this.bytes = new byte[blockFrames * channels * 2];
        this.in = new float[channels][blockFrames];
        this.out = new float[channels][blockFrames];
    }

    /** Frames processed so far. */
    public long frames() {
        return frames;
    }

    /** Runs until {@code keepRunning} says stop or the input ends. */
    public void run(Input input, Output output, BooleanSupplier keepRunning) throws IOException {
        int frameBytes = channels * 2;
        while (keepRunning.getAsBoolean()) {
            int got = 0;
            while (got < bytes.length) {
                int n = input.read(bytes, got, bytes.length - got);
                if (n <= 0) {
                    break;
                }
                got += n;
            }
            int n = got / frameBytes;
            if (n == 0) {
                return;
            }
            decode(n);
            processor.process(in, out, n);
            encode(n);
            output.write(bytes, 0, n * frameBytes);
            frames += n;
            if (got < bytes.length) {
                return;
            }
        }
    }

    private void decode(int n) {
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < channels; ch++) {
                in[ch][i] = (short) ((bytes[p] & 0xFF) | bytes[p + 1] << 8) / 32768f;
                p += 2;
            }
        }
    }

    private void encode(int n) {
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < channels; ch++) {
                int v = Math.round(out[ch][i] * 32768f);
                v = Math.max(-32768, Math.min(32767, v));
                bytes[p] = (byte) v;
                bytes[p + 1] = (byte) (v >> 8);
                p += 2;
            }
        }
    }

    public int blockFrames() {
        return blockFrames;
    }
}
