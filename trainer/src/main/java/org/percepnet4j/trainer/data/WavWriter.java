package org.percepnet4j.trainer.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Writes mono float audio as 16-bit PCM WAV (for listening to examples and evaluation outputs). */
public final class WavWriter {
    private WavWriter() {
    }

    public static void write(Path file, float[] samples, int sampleRate) throws IOException {
        byte[] b = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            float v = Float.isFinite(samples[i]) ? samples[i] : 0;
            int s = Math.round(Math.max(-1f, Math.min(1f, v)) * 32767f);
            b[2 * i] = (byte) s;
            b[2 * i + 1] = (byte) (s >> 8);
        }
        AudioFormat f = new AudioFormat(sampleRate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(b), f, samples.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
