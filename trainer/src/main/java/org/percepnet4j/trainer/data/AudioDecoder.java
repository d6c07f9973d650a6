package org.percepnet4j.trainer.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Decodes WAV and FLAC (jflac SPI) through Java Sound and Ogg Vorbis through JOrbis into mono float
 * samples in [-1, 1), downmixing by averaging the channels, then resamples to 48 kHz.
 *
 * <p>Ogg Vorbis goes straight to JOrbis ({@link OggVorbisDecoder}) instead of through vorbisspi's Java Sound
 * provider, which loses each stream's last ~4096 samples, clamps to 16 bits and rejects unusual rates.
 */
public final class AudioDecoder {
    public static final int TARGET_RATE = 48000;

    private AudioDecoder() {
    }

    /** Mono samples at the file's own rate. */
    public record Decoded(float[] samples, int sampleRate) {
    }

    /** Decodes and resamples to 48 kHz mono. */
    public static float[] decode48k(Path file) throws IOException {
        return decode48k(file, rate -> new Resampler(rate, TARGET_RATE));
    }

    /** Decodes and resamples to 48 kHz mono with the resampler {@code toTarget} gives for the file's rate. */
    public static float[] decode48k(Path file, java.util.function.IntFunction<Resampler> toTarget) throws IOException {
        Decoded d = decode(file);
        return d.sampleRate() == TARGET_RATE ? d.samples() : toTarget.apply(d.sampleRate()).process(d.samples());
    }

    /** Decodes to mono at the file's own rate. */
    public static Decoded decode(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such audio file: " + file);
        }
        if (isOgg(file)) {
            return OggVorbisDecoder.decode(file);
        }
        // From the File, not a stream: vorbisspi needs to re-open the file to find the length and decode.
        try (AudioInputStream source = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat src = source.getFormat();
            AudioFormat pcm = src;
            AudioInputStream stream = source;
            boolean isPcm = src.getEncoding() == AudioFormat.Encoding.PCM_SIGNED
                    || src.getEncoding() == AudioFormat.Encoding.PCM_FLOAT;
            if (!isPcm) {
                int bits = src.getSampleSizeInBits() > 0 ? Math.min(src.getSampleSizeInBits(), 24) : 16;
                if (bits != 8 && bits != 16 && bits != 24) {
                    bits = 16;
                }
                pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, src.getSampleRate(), bits,
                        src.getChannels(), src.getChannels() * bits / 8, src.getSampleRate(), false);
                stream = AudioSystem.getAudioInputStream(pcm, source);
            }
            byte[] bytes = readAll(stream);
            float rate = pcm.getSampleRate();
            if (!(rate > 0) || Math.round(rate) != rate) {
                throw new IOException(file + ": unsupported sample rate " + rate);
            }
            return new Decoded(toMono(bytes, pcm, file), Math.round(rate));
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new IOException(file + ": cannot decode (" + e.getMessage() + ")", e);
        }
    }

    private static boolean isOgg(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'O' && magic[1] == 'g' && magic[2] == 'g' && magic[3] == 'S';
        }
    }

    private static byte[] readAll(AudioInputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        byte[] buf = new byte[1 << 16];
        int n;
        int idle = 0;
        // vorbisspi returns 0 (not -1) while it refills its page buffer: only -1 is the end.
        while ((n = in.read(buf)) != -1) {
            if (n == 0) {
                if (++idle > 100_000) {
                    throw new IOException("decoder stalled");
                }
                continue;
            }
            idle = 0;
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static float[] toMono(byte[] b, AudioFormat f, Path file) throws IOException {
        int ch = f.getChannels();
        int bytesPerSample = f.getSampleSizeInBits() / 8;
        if (ch < 1 || bytesPerSample < 1 || bytesPerSample > 4) {
            throw new IOException(file + ": unsupported format " + f);
        }
        boolean isFloat = f.getEncoding() == AudioFormat.Encoding.PCM_FLOAT;
        boolean big = f.isBigEndian();
        int frameBytes = ch * bytesPerSample;
        int frames = b.length / frameBytes;
        float[] out = new float[frames];
        double scale = 1.0 / (1L << (8 * bytesPerSample - 1));
        for (int i = 0; i < frames; i++) {
            double sum = 0;
            for (int c = 0; c < ch; c++) {
                int off = i * frameBytes + c * bytesPerSample;
                int v = 0;
                for (int k = 0; k < bytesPerSample; k++) {
                    int by = b[off + (big ? k : bytesPerSample - 1 - k)] & 0xff;
                    v = (v << 8) | by;
                }
                if (isFloat && bytesPerSample == 4) {
                    sum += Float.intBitsToFloat(v);
                } else if (bytesPerSample == 1 && f.getEncoding() == AudioFormat.Encoding.PCM_UNSIGNED) {
                    sum += (v - 128) * scale;
                } else {
                    int shift = 32 - 8 * bytesPerSample;
                    sum += ((v << shift) >> shift) * scale; // sign-extend
                }
            }
            float s = (float) (sum / ch);
            out[i] = Float.isFinite(s) ? s : 0f;
        }
        return out;
    }
}
