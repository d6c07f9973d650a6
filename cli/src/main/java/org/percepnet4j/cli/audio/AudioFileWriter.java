package org.percepnet4j.cli.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.percepnet4j.engine.io.FileReplacement;

/**
 * Writes WAV or AIFF files from a {@link FrameSource}, streaming, through Java Sound.
 *
 * <p>The data goes to a temporary file beside the target, which is renamed over the target only once everything
 * is written: an error, a full disk or a kill never leaves a half-written file under the target's name, and an
 * existing file there stays intact until the new one is complete.
 */
public final class AudioFileWriter {

    /** Frames encoded per block. */
    private static final int BLOCK = 16384;

    private AudioFileWriter() {
    }

    /** Checks that a container can hold a format; the message says what to do instead. */
    public static void requireWritable(Path target, AudioFileType type, SampleFormat format) throws AudioFileException {
        if (!type.isWritable()) {
            throw new AudioFileException(target, "cannot write " + type + " (no maintained Java encoder); "
                    + "name the output .wav or .aiff");
        }
        if (type == AudioFileType.AIFF && format.isFloatingPoint()) {
            throw new AudioFileException(target, "AIFF cannot hold " + format.describe() + " samples; name the output .wav");
        }
    }

    /**
     * Writes the whole source to {@code target}, replacing it only when complete.
     *
     * @param frames     how many frames the source will deliver, or -1 when unknown
     * @param ditherSeed seed of the TPDF dither for 8/16-bit output (a fixed seed makes renders repeatable)
     * @return frames written
     */
    public static long write(Path target, AudioFileType type, float sampleRate, int channels, SampleFormat format,
            long frames, FrameSource source, long ditherSeed) throws IOException {
        requireWritable(target, type, format);
        AudioFormat af = javaSoundFormat(type, sampleRate, channels, format);
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new AudioFileException(target, "the output folder does not exist");
        }
        Path tmp;
        try {
            tmp = FileReplacement.newSibling(abs, ".part");
            tmp.toFile().deleteOnExit(); // Ctrl-C mid-file: the JVM's exit removes the partial file
        } catch (IOException e) {
            throw new AudioFileException(target, "cannot create a file in " + dir + ": " + AudioFileReader.oneLine(e), e);
        }
        try {
            EncodingStream in = new EncodingStream(source, new PcmCodec(af, format, new TpdfDither(ditherSeed)),
                    channels);
            if (writesDirectly(type, frames, af)) {
                writeWav(tmp, target, af, frames, in);
            } else {
                writeJavaSound(tmp, target, type, af, frames, in);
            }
            if (in.failure != null) {
                throw in.failure;
            }
            if (frames >= 0 && in.frames != frames) {
                throw new AudioFileException(target, "internal error: expected " + frames + " frames, produced "
                        + in.frames);
            }
            try {
                FileReplacement.moveOver(tmp, abs);
            } catch (IOException e) {
                throw new AudioFileException(target, "cannot replace it with the finished file: "
                        + AudioFileReader.oneLine(e), e);
            }
            return in.frames;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** WAV of a known length that fits the 32-bit RIFF sizes: written here; everything else by Java Sound. */
    static boolean writesDirectly(AudioFileType type, long frames, AudioFormat af) {
        return type == AudioFileType.WAV && frames >= 0 && frames * af.getFrameSize() <= 0xFFFF_FFFFL - 37;
    }

    static void writeJavaSound(Path tmp, Path target, AudioFileType type, AudioFormat af, long frames,
            EncodingStream in) throws IOException {
        try (AudioInputStream ais = new AudioInputStream(in, af, frames < 0 ? AudioSystem.NOT_SPECIFIED : frames)) {
            AudioSystem.write(ais, type.javaSoundType(), tmp.toFile());
        } catch (IOException | RuntimeException e) {
            throw writeFailure(in, target, e);
        }
    }

    /** The source's own error (a corrupt input) if it failed, rather than the writer's wrapping of it. */
    private static IOException writeFailure(EncodingStream in, Path target, Exception e) {
        if (in.failure != null) {
            return in.failure;
        }
        return new AudioFileException(target, "cannot write: " + AudioFileReader.oneLine(e), e);
    }

    /**
     * The canonical 44-byte WAV header (format tag 1 for integer PCM, 3 for float; the layout Java Sound writes,
     * byte for byte) and the data in large writes: Java Sound's writer moves the data through small stream reads
     * and costs several times the encoding itself. RIFF chunks are word-aligned: odd-sized data (8 or 24-bit, an
     * odd number of samples) gets the pad byte that strict readers expect, counted in the RIFF size only.
     */
    static void writeWav(Path tmp, Path target, AudioFormat af, long frames, EncodingStream in) throws IOException {
        long dataBytes = frames * af.getFrameSize();
        int pad = (int) (dataBytes & 1);
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes + pad));
        header.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        header.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        header.putShort((short) (AudioFormat.Encoding.PCM_FLOAT.equals(af.getEncoding()) ? 3 : 1));
        header.putShort((short) af.getChannels());
        header.putInt((int) af.getSampleRate());
        header.putInt((int) af.getSampleRate() * af.getFrameSize());
        header.putShort((short) af.getFrameSize());
        header.putShort((short) af.getSampleSizeInBits());
        header.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(header.array());
            in.copyTo(out);
            if (pad != 0) {
                out.write(0);
            }
        } catch (IOException | RuntimeException e) {
            throw writeFailure(in, target, e);
        }
    }

    static AudioFormat javaSoundFormat(AudioFileType type, float rate, int channels, SampleFormat format) {
        boolean bigEndian = type == AudioFileType.AIFF;
        AudioFormat.Encoding enc = format.isFloatingPoint() ? AudioFormat.Encoding.PCM_FLOAT
                : format == SampleFormat.INT8 && type == AudioFileType.WAV ? AudioFormat.Encoding.PCM_UNSIGNED
                : AudioFormat.Encoding.PCM_SIGNED;
        return new AudioFormat(enc, rate, format.bits(), channels, format.bytes() * channels, rate, bigEndian);
    }

    /** Pulls frames from the source as Java Sound asks for bytes. */
    static final class EncodingStream extends InputStream {
        private final FrameSource source;
        private final PcmCodec codec;
        private final float[][] block;
        private final byte[] bytes;
        private int pos;
        private int len;
        private boolean done;
        long frames;
        IOException failure;

        EncodingStream(FrameSource source, PcmCodec codec, int channels) {
            this.source = source;
            this.codec = codec;
            this.block = new float[channels][BLOCK];
            this.bytes = new byte[BLOCK * codec.frameBytes()];
        }

        private boolean fill() throws IOException {
            while (pos == len && !done) {
                int n;
                try {
                    n = source.next(block, BLOCK);
                } catch (IOException e) {
                    failure = e;
                    throw e;
                } catch (RuntimeException e) {
                    failure = new IOException("processing failed: " + AudioFileReader.oneLine(e), e);
                    throw failure;
                }
                if (n <= 0) {
                    done = true;
                    break;
                }
                codec.encode(block, 0, n, bytes);
                frames += n;
                pos = 0;
                len = n * codec.frameBytes();
            }
            return pos < len;
        }

        /** Encodes the whole source into {@code out}, one block per write. */
        void copyTo(OutputStream out) throws IOException {
            while (fill()) {
                out.write(bytes, pos, len - pos);
                pos = len;
            }
        }

        @Override
        public int read() throws IOException {
            return fill() ? bytes[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int n) throws IOException {
            if (n == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int k = Math.min(n, len - pos);
            System.arraycopy(bytes, pos, b, off, k);
            pos += k;
            return k;
        }
    }
}
