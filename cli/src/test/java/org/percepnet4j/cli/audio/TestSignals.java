package org.percepnet4j.cli.audio;

import java.io.IOException;
import java.nio.file.Path;

/** Deterministic test material written through the real writer. */
public final class TestSignals {

    private TestSignals() {
    }

    /** A sine of {@code hz} at amplitude {@code amp}, phase-shifted per channel so channels differ. */
    public static float[][] sines(int channels, int frames, double rate, double hz, double amp) {
        float[][] x = new float[channels][frames];
        for (int ch = 0; ch < channels; ch++) {
            for (int i = 0; i < frames; i++) {
                x[ch][i] = (float) (amp * Math.sin(2 * Math.PI * hz * (ch + 1) * i / rate + ch));
            }
        }
        return x;
    }

    /** A source that hands out the given planar samples in blocks. */
    public static FrameSource sourceOf(float[][] x) {
        int[] pos = {0};
        return (dst, max) -> {
            int n = Math.min(max, x[0].length - pos[0]);
            for (int ch = 0; ch < x.length; ch++) {
                System.arraycopy(x[ch], pos[0], dst[ch], 0, n);
            }
            pos[0] += n;
            return n;
        };
    }

    /** Writes the samples to a file of the given container and sample format. */
    public static Path write(Path file, float[][] x, float rate, SampleFormat format) throws IOException {
        AudioFileType type = AudioFileType.byExtension(file).orElseThrow();
        AudioFileWriter.write(file, type, rate, x.length, format, x[0].length, sourceOf(x), 1);
        return file;
    }

    /** Reads a whole file. */
    public static float[][] readAll(Path file) throws IOException {
        try (AudioFileReader r = AudioFileReader.open(file)) {
            int frames = (int) r.info().frames();
            float[][] out = new float[r.info().channels()][frames];
            float[][] block = new float[r.info().channels()][1000];
            int pos = 0;
            int n;
            while ((n = r.read(block, 1000)) > 0) {
                for (int ch = 0; ch < out.length; ch++) {
                    System.arraycopy(block[ch], 0, out[ch], pos, n);
                }
                pos += n;
            }
            return out;
        }
    }
}
