package org.percepnet4j.ui.app;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.percepnet4j.engine.Processor;

/**
 * WAV and AIFF through Java Sound: 8/16/24/32-bit integer and 32/64-bit float PCM in, the same format out
 * (with TPDF dither when writing 16 bits or fewer). Kept minimal on purpose: the CLI owns the full-featured file
 * I/O (FLAC, batch), and ui-swing may not depend on the CLI module.
 */
public final class AudioFiles {

    private AudioFiles() {
    }

    /** Largest file read: the bytes of one Java array. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    /**
     * Reads a whole file.
     *
     * @throws IOException with one clear line naming the file when it is unreadable, truncated or not PCM audio
     */
    public static AudioClip read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) { // one array holds the whole file; over 2 GB it cannot
            throw new IOException(file + ": larger than 2 GB, too large to open here; render it with percepnet denoise");
        }
        AudioFileFormat aff;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             AudioInputStream ais = AudioSystem.getAudioInputStream(raw)) {
            aff = AudioSystem.getAudioFileFormat(file.toFile());
            AudioFormat f = ais.getFormat();
            checkDecodable(file, f);
            byte[] bytes = ais.readAllBytes();
            int frameSize = f.getFrameSize();
            int frames = bytes.length / frameSize;
            if (frames == 0) {
                throw new IOException(file + ": no audio samples");
            }
            long declared = ais.getFrameLength();
            if (declared != AudioSystem.NOT_SPECIFIED && frames < declared) {
                throw new IOException(file + ": truncated, header declares " + declared + " frames but only "
                        + frames + " are present");
            }
            return new AudioClip(decode(bytes, frames, f), f, fileTypeFor(file, aff.getType()));
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(file + ": not a WAV or AIFF file Java Sound can read", e);
        }
    }

    private static AudioFileFormat.Type fileTypeFor(Path file, AudioFileFormat.Type type) {
        if (type == AudioFileFormat.Type.AIFF || type == AudioFileFormat.Type.AIFC) {
            return AudioFileFormat.Type.AIFF;
        }
        return AudioFileFormat.Type.WAVE;
    }

    private static void checkDecodable(Path file, AudioFormat f) throws IOException {
        AudioFormat.Encoding e = f.getEncoding();
        int bits = f.getSampleSizeInBits();
        boolean pcmInt = (e.equals(AudioFormat.Encoding.PCM_SIGNED) || e.equals(AudioFormat.Encoding.PCM_UNSIGNED))
                && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
        boolean pcmFloat = e.equals(AudioFormat.Encoding.PCM_FLOAT) && (bits == 32 || bits == 64);
        if (!pcmInt && !pcmFloat) {
            throw new IOException(file + ": unsupported sample format " + e + " " + bits + " bit");
        }
        if (f.getChannels() < 1 || f.getChannels() > 8) {
            throw new IOException(file + ": " + f.getChannels() + " channels; 1 to 8 are supported");
        }
        if (!(f.getSampleRate() >= Processor.MIN_SAMPLE_RATE && f.getSampleRate() <= Processor.MAX_SAMPLE_RATE)) {
            throw new IOException(file + ": sample rate " + f.getSampleRate() + " Hz; 8 to 192 kHz are supported");
        }
        if (f.getFrameSize() != f.getChannels() * bits / 8) {
            throw new IOException(file + ": unexpected frame size " + f.getFrameSize());
        }
    }

    static float[][] decode(byte[] b, int frames, AudioFormat f) {
        int ch = f.getChannels();
        int bytes = f.getSampleSizeInBits() / 8;
        boolean big = f.isBigEndian();
        boolean isFloat = f.getEncoding().equals(AudioFormat.Encoding.PCM_FLOAT);
        boolean unsigned = f.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED);
        float[][] out = new float[ch][frames];
        int pos = 0;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < ch; c++) {
                long v = 0;
                for (int k = 0; k < bytes; k++) {
                    int byteIndex = big ? pos + k : pos + bytes - 1 - k;
                    v = (v << 8) | (b[byteIndex] & 0xff);
                }
                pos += bytes;
                float x;
                if (isFloat) {
                    x = bytes == 4 ? Float.intBitsToFloat((int) v) : (float) Double.longBitsToDouble(v);
                    if (!Float.isFinite(x)) {
                        x = 0; // the processor treats non-finite input as silence too
                    }
                } else {
                    int bits = bytes * 8;
                    if (unsigned) {
                        v -= 1L << (bits - 1);
                    } else {
                        v = (v << (64 - bits)) >> (64 - bits); // sign-extend
                    }
                    x = (float) (v / (double) (1L << (bits - 1)));
                }
                out[c][i] = x;
            }
        }
        return out;
    }

    /**
     * Writes {@code clip} to {@code target} in the clip's own format. Integer formats are clipped to full scale,
     * with TPDF dither at 16 bits or fewer. The caller is responsible for never pointing this at the input
     * (see {@link SaveRules}).
     */
    public static void write(AudioClip clip, Path target) throws IOException {
        AudioFormat f = clip.format();
        byte[] data = encode(clip.samples(), f, new SplittableRandom(0x5eed));
        try (AudioInputStream ais = new AudioInputStream(new ByteArrayInputStream(data), f, clip.frames())) {
            AudioSystem.write(ais, clip.fileType(), target.toFile());
        } catch (IllegalArgumentException e) {
            throw new IOException(target + ": Java Sound cannot write " + describe(f) + " as " + clip.fileType(), e);
        }
    }

    static byte[] encode(float[][] s, AudioFormat f, SplittableRandom rng) {
        int ch = f.getChannels();
        int frames = s[0].length;
        int bytes = f.getSampleSizeInBits() / 8;
        boolean big = f.isBigEndian();
        boolean isFloat = f.getEncoding().equals(AudioFormat.Encoding.PCM_FLOAT);
        boolean unsigned = f.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED);
        boolean dither = !isFloat && bytes <= 2;
        int bits = bytes * 8;
        double scale = (double) (1L << (bits - 1));
        byte[] out = new byte[frames * ch * bytes];
        int pos = 0;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < ch; c++) {
                float x = s[c][i];
                if (!Float.isFinite(x)) {
                    x = 0;
                }
                long v;
                if (isFloat) {
                    v = bytes == 4 ? Float.floatToRawIntBits(x) & 0xffffffffL : Double.doubleToRawLongBits(x);
                } else {
                    double y = x * scale;
                    if (dither) {
                        // TPDF: sum of two uniform values, +-1 LSB peak.
                        y += rng.nextDouble() - rng.nextDouble();
                    }
                    long q = Math.round(y);
                    q = Math.max(-(long) scale, Math.min((long) scale - 1, q));
                    if (unsigned) {
                        q += (long) scale;
                    }
                    v = q;
                }
                for (int k = 0; k < bytes; k++) {
                    int shift = big ? (bytes - 1 - k) * 8 : k * 8;
                    out[pos + k] = (byte) (v >>> shift);
                }
                pos += bytes;
            }
        }
        return out;
    }

    /** "48000 Hz, 2 ch, 24-bit integer" */
    public static String describe(AudioFormat f) {
        String kind = f.getEncoding().equals(AudioFormat.Encoding.PCM_FLOAT) ? "float" : "integer";
        return String.format(Locale.ROOT, "%.0f Hz, %d ch, %d-bit %s", f.getSampleRate(), f.getChannels(),
                f.getSampleSizeInBits(), kind);
    }
}
