package org.percepnet4j.cli.audio;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Streams a WAV, AIFF or FLAC file as planar floats, block by block, so files of any length use little memory.
 *
 * <p>Every problem becomes an {@link AudioFileException} with one line naming the file: missing, unreadable,
 * not audio, an unsupported encoding, or shorter than its header says (truncated).
 */
public final class AudioFileReader implements AutoCloseable {

    /** Highest sample rate and channel count accepted from a header (768 kHz is the highest rate in use). */
    public static final float MAX_SAMPLE_RATE = 768_000f;
    public static final int MAX_CHANNELS = 256;
    /** Size above which a file that declares no audio is taken for an unfinished recording, not an empty one. */
    private static final long UNFINISHED_HEADER_BYTES = 64 * 1024;

    private final Path file;
    private final AudioFileInfo info;
    private final AudioInputStream stream;
    private final PcmCodec codec;
    private byte[] bytes = new byte[0];
    private long framesRead;

    private AudioFileReader(Path file, AudioFileInfo info, AudioInputStream stream, PcmCodec codec) {
        this.file = file;
        this.info = info;
        this.stream = stream;
        this.codec = codec;
    }

    /** Opens a file and reads its header. */
    public static AudioFileReader open(Path file) throws AudioFileException {
        if (Files.isDirectory(file)) {
            throw new AudioFileException(file, "is a directory");
        }
        if (!Files.exists(file)) {
            throw new AudioFileException(file, "no such file");
        }
        if (!Files.isReadable(file)) {
            throw new AudioFileException(file, "not readable (permission denied)");
        }
        AudioFileFormat fileFormat;
        AudioInputStream raw;
        try {
            fileFormat = AudioSystem.getAudioFileFormat(file.toFile());
            raw = AudioSystem.getAudioInputStream(file.toFile());
        } catch (UnsupportedAudioFileException e) {
            throw new AudioFileException(file, "not a supported audio file (WAV, AIFF or FLAC)");
        } catch (NoSuchFileException e) {
            throw new AudioFileException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new AudioFileException(file, "not readable (permission denied)");
        } catch (EOFException e) {
            throw new AudioFileException(file, "truncated: the file ends inside its header");
        } catch (IOException | RuntimeException e) {
            throw new AudioFileException(file, "corrupt or unreadable: " + oneLine(e), e);
        }
        try {
            AudioFileType type = AudioFileType.of(fileFormat.getType());
            if (type == null) {
                throw new AudioFileException(file, "unsupported container " + fileFormat.getType()
                        + " (allowed WAV, AIFF or FLAC)");
            }
            AudioInputStream pcm = raw;
            AudioFormat f = raw.getFormat();
            long frames = raw.getFrameLength();
            if (type == AudioFileType.FLAC) {
                // Decode to PCM of the same depth; the frame count comes from the STREAMINFO header.
                AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, f.getSampleRate(),
                        f.getSampleSizeInBits(), f.getChannels(), f.getChannels() * ((f.getSampleSizeInBits() + 7) / 8),
                        f.getSampleRate(), false);
                pcm = AudioSystem.getAudioInputStream(target, raw);
                f = target;
                frames = fileFormat.getFrameLength() > 0 ? fileFormat.getFrameLength() : -1;
            }
            SampleFormat format = SampleFormat.of(f);
            if (format == null) {
                throw new AudioFileException(file, "unsupported sample format " + f.getEncoding() + " "
                        + f.getSampleSizeInBits() + "-bit (allowed 8/16/24/32-bit integer or 32-bit float)");
            }
            if (f.getChannels() < 1) {
                throw new AudioFileException(file, "corrupt header: " + f.getChannels() + " channels");
            }
            if (!(f.getSampleRate() > 0) || Float.isInfinite(f.getSampleRate())) {
                throw new AudioFileException(file, "corrupt header: sample rate " + f.getSampleRate());
            }
            // Beyond any real recording; a damaged header would otherwise size buffers and FFTs from them.
            if (f.getSampleRate() > MAX_SAMPLE_RATE || f.getChannels() > MAX_CHANNELS) {
                throw new AudioFileException(file, "implausible header: " + f.getChannels() + " channel(s) at "
                        + Math.round(f.getSampleRate()) + " Hz (a damaged file?)");
            }
            // Unfinished recordings: a recorder that crashed leaves the data size at 0 with the audio after it, or
            // 0xFFFFFFFF; a copy cut short holds less than its header says. Say so now rather than render an empty
            // file, or everything that is there before failing (a genuinely empty file is at most a header and some
            // metadata). FLAC's frame count says nothing about its compressed size.
            long fileBytes = sizeOrZero(file);
            if (frames == 0 && fileBytes > UNFINISHED_HEADER_BYTES) {
                throw new AudioFileException(file, "the header declares no audio, but the file holds " + fileBytes
                        + " bytes: a recording that was never finalised? Repair its header first"
                        + " (e.g. sox --ignore-length IN OUT)");
            }
            if (type != AudioFileType.FLAC && frames > 0 && fileBytes > 0
                    && frames * (long) f.getFrameSize() > fileBytes) {
                throw new AudioFileException(file, "truncated or unfinished: the header says " + frames
                        + " frames, more than the file's " + fileBytes + " bytes can hold; if it is a recording that was"
                        + " never finalised, repair its header first (e.g. sox --ignore-length IN OUT)");
            }
            AudioFileInfo info = new AudioFileInfo(type, f.getSampleRate(), f.getChannels(), format,
                    frames == AudioSystem.NOT_SPECIFIED ? -1 : frames);
            return new AudioFileReader(file, info, pcm, new PcmCodec(f, format, null));
        } catch (AudioFileException e) {
            closeQuietly(raw);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(raw);
            throw new AudioFileException(file, "corrupt or unsupported: " + oneLine(e), e);
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Reads just the header. */
    public static AudioFileInfo probe(Path file) throws AudioFileException {
        try (AudioFileReader r = open(file)) {
            return r.info();
        }
    }

    public AudioFileInfo info() {
        return info;
    }

    public Path file() {
        return file;
    }

    /** Frames delivered so far. */
    public long framesRead() {
        return framesRead;
    }

    /**
     * Reads up to {@code maxFrames} frames into {@code dst[ch][0..]}.
     *
     * @return frames read; 0 at the end of the file
     * @throws AudioFileException when the file is corrupt or ends before its header says it should
     */
    public int read(float[][] dst, int maxFrames) throws AudioFileException {
        return read(dst, 0, maxFrames);
    }

    /**
     * Reads up to {@code maxFrames} frames into {@code dst[ch][offset..]}.
     *
     * @return frames read; 0 at the end of the file
     * @throws AudioFileException when the file is corrupt or ends before its header says it should
     */
    public int read(float[][] dst, int offset, int maxFrames) throws AudioFileException {
        int frameBytes = codec.frameBytes();
        if (info.frames() >= 0) {
            maxFrames = (int) Math.min(maxFrames, info.frames() - framesRead);
            if (maxFrames <= 0) {
                return 0;
            }
        }
        int want = maxFrames * frameBytes;
        if (bytes.length < want) {
            bytes = new byte[want];
        }
        int got = 0;
        try {
            while (got < want) {
                int n = stream.read(bytes, got, want - got);
                if (n < 0) {
                    break;
                }
                got += n;
            }
        } catch (IOException | RuntimeException e) {
            throw new AudioFileException(file, "corrupt data after " + framesRead + " frames: " + oneLine(e), e);
        }
        int frames = got / frameBytes;
        if (got % frameBytes != 0) {
            throw new AudioFileException(file, "truncated: the data ends inside a sample frame after "
                    + (framesRead + frames) + " frames");
        }
        if (frames < maxFrames && info.frames() >= 0) {
            throw new AudioFileException(file, "truncated: the header says " + info.frames()
                    + " frames, the file holds " + (framesRead + frames));
        }
        codec.decode(bytes, frames, dst, offset);
        framesRead += frames;
        return frames;
    }

    @Override
    public void close() {
        closeQuietly(stream);
    }

    private static void closeQuietly(InputStream s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Nothing was written; a failed close of an input loses nothing.
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
