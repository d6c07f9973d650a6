package org.percepnet4j.cli.denoise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.percepnet4j.cli.audio.AudioFileException;
import org.percepnet4j.cli.audio.AudioFileInfo;
import org.percepnet4j.cli.audio.AudioFileReader;
import org.percepnet4j.cli.audio.AudioFileWriter;
import org.percepnet4j.cli.audio.FrameSource;
import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.Processor;
import org.percepnet4j.presets.ParameterSet;

/**
 * Denoises one file through the engine {@link Processor}, exactly as a host would in an offline render, and
 * writes it time-aligned with the input.
 *
 * <p>Alignment: the processor delays everything by {@link Processor#latencySamples()}. The renderer feeds the
 * input followed by that many samples of silence and drops the first that many output samples, so output sample
 * i belongs to input sample i and both files have the same length. The block size is arbitrary (the default is
 * not a multiple of the 480-sample hop on purpose): the processor's output does not depend on it.
 */
public final class FileRenderer {

    /**
     * Default block size: deliberately not a multiple of 480 (a test shows other sizes give the same bytes), and
     * long (273 hops), so that block boundaries are rare; the input read ahead of each block keeps the analysis
     * thread busy across them.
     */
    public static final int DEFAULT_BLOCK = 131_071;
    /** Fixed dither seed: the same input and settings always give the same bytes. */
    static final long DITHER_SEED = 0x7064_6E34_6A00L;

    private final GainModel model;
    private final ParameterSet parameters;
    private final int blockSize;
    private final boolean analysisThread;

    /** A renderer that runs on the calling thread only. */
    public FileRenderer(GainModel model, ParameterSet parameters, int blockSize) {
        this(model, parameters, blockSize, false);
    }

    /**
     * @param analysisThread also use a second thread per file ({@link Processor#setAnalysisThread}): about twice
     *                       as fast on an otherwise idle core, the same bytes out
     */
    public FileRenderer(GainModel model, ParameterSet parameters, int blockSize, boolean analysisThread) {
        if (blockSize < 1 || blockSize > 1 << 20) {
            throw new IllegalArgumentException("block size must be from 1 to " + (1 << 20) + ": " + blockSize);
        }
        this.model = model;
        this.parameters = parameters;
        this.blockSize = blockSize;
        this.analysisThread = analysisThread;
    }

    /**
     * Renders {@code job.input()} into {@code job.output()}.
     *
     * @param progress receives the number of input frames consumed, after each block
     */
    public RenderResult render(DenoiseJob job, LongConsumer progress) throws IOException {
        long start = System.nanoTime();
        try (AudioFileReader reader = AudioFileReader.open(job.input())) {
            AudioFileInfo info = reader.info();
            AudioFileWriter.requireWritable(job.output(), job.outputType(), info.format());
            Path parent = job.output().toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new AudioFileException(job.output(), "the output folder does not exist");
            }
            Processor processor = new Processor(model);
            try {
                processor.prepare(info.sampleRate(), blockSize, info.channels());
            } catch (IllegalArgumentException e) {
                throw new AudioFileException(job.input(), "unsupported: " + info.describe() + " ("
                        + e.getMessage() + ")");
            }
            // Set after prepare and before the first sample: the values apply at once, without a fade-in.
            parameters.applyTo(processor::setParameter);
            processor.setAnalysisThread(analysisThread);
            try {
                AlignedStream stream = new AlignedStream(reader, processor, blockSize, progress);
                long frames = AudioFileWriter.write(job.output(), job.outputType(), info.sampleRate(),
                        info.channels(), info.format(), info.frames(), stream, DITHER_SEED);
                return new RenderResult(job, frames, info.sampleRate(), System.nanoTime() - start,
                        stream.latency, processor.nonFiniteInputSamples());
            } finally {
                processor.setAnalysisThread(false);
            }
        }
    }

    /** Input → processor → output with the latency removed; ends with the input's last frame. */
    private static final class AlignedStream implements FrameSource {
        private final AudioFileReader reader;
        private final Processor processor;
        private final LongConsumer progress;
        private final int block;
        /** Input read so far and not yet processed: frames [0, buffered) of in. */
        private int buffered;
        private final float[][] in;
        private final float[][] out;
        private final int latency;
        private int toSkip;
        private int tailLeft;
        private boolean inputDone;
        private int pending;
        private int pendingPos;

        AlignedStream(AudioFileReader reader, Processor processor, int block, LongConsumer progress) {
            this.reader = reader;
            this.processor = processor;
            this.progress = progress;
            int ch = processor.channels();
            // The input buffer holds the block and the start of the next one (see Processor.process with
            // nextFrames), so the analysis thread never waits at a block boundary.
            this.block = block;
            this.in = new float[ch][block + Processor.ANALYSIS_READ_AHEAD];
            this.out = new float[ch][block];
            this.latency = processor.latencySamples();
            this.toSkip = latency;
            this.tailLeft = latency;
        }

        @Override
        public int next(float[][] dst, int maxFrames) throws IOException {
            while (pending == 0) {
                if (!processBlock()) {
                    return 0;
                }
            }
            int n = Math.min(maxFrames, pending);
            for (int ch = 0; ch < out.length; ch++) {
                System.arraycopy(out[ch], pendingPos, dst[ch], 0, n);
            }
            pendingPos += n;
            pending -= n;
            return n;
        }

        /** Processes one block; false when input and tail are exhausted. */
        private boolean processBlock() throws IOException {
            int n;
            if (!inputDone) {
                while (buffered < in[0].length) {
                    int got = reader.read(in, buffered, in[0].length - buffered);
                    if (got == 0) {
                        break;
                    }
                    buffered += got;
                }
                n = Math.min(block, buffered);
                if (n == 0) {
                    inputDone = true;
                } else {
                    progress.accept(reader.framesRead() - (buffered - n));
                    processor.process(in, out, n, buffered - n);
                    // The read-ahead becomes the start of the next block.
                    buffered -= n;
                    for (float[] c : in) {
                        System.arraycopy(c, n, c, 0, buffered);
                    }
                }
            } else {
                n = 0;
            }
            if (inputDone) {
                // Flush: silence pushes the last input samples through the latency.
                n = Math.min(block, tailLeft);
                if (n == 0) {
                    return false;
                }
                for (float[] c : in) {
                    java.util.Arrays.fill(c, 0, n, 0f);
                }
                tailLeft -= n;
                processor.process(in, out, n);
            }
            int skip = Math.min(toSkip, n);
            toSkip -= skip;
            pendingPos = skip;
            pending = n - skip;
            return true;
        }
    }
}
