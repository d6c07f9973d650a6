package org.percepnet4j.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioDecoderTest {
    @Test
    void stereoWavIsDownmixedByAveragingAndResampledTo48k(@TempDir Path dir) throws Exception {
        int n = 44100;
        byte[] b = new byte[n * 4];
        for (int i = 0; i < n; i++) {
            short l = (short) Math.round(16000 * Math.sin(2 * Math.PI * 440 * i / 44100.0));
            short r = (short) -l; // opposite phase: cancels in the downmix
            short r2 = (short) (l / 2);
            short right = (i < n / 2) ? r : r2;
            b[4 * i] = (byte) l;
            b[4 * i + 1] = (byte) (l >> 8);
            b[4 * i + 2] = (byte) right;
            b[4 * i + 3] = (byte) (right >> 8);
        }
        Path f = dir.resolve("st.wav");
        AudioFormat fmt = new AudioFormat(44100, 16, 2, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(b), fmt, n), AudioFileFormat.Type.WAVE, f.toFile());

        AudioDecoder.Decoded d = AudioDecoder.decode(f);
        assertThat(d.sampleRate()).isEqualTo(44100);
        assertThat(d.samples()).hasSize(n);
        assertThat(d.samples()[1000]).isEqualTo(0f);
        int i = 3 * n / 4;
        double expected = 0.75 * Math.round(16000 * Math.sin(2 * Math.PI * 440 * i / 44100.0)) / 32768.0;
        assertThat((double) d.samples()[i]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4));

        float[] r48 = AudioDecoder.decode48k(f);
        assertThat(r48).hasSize(48000);
    }

    @Test
    void garbageIsAClearIOException(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.ogg");
        Files.write(f, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertThatThrownBy(() -> AudioDecoder.decode(f)).isInstanceOf(IOException.class).hasMessageContaining("bad.ogg");
        assertThatThrownBy(() -> AudioDecoder.decode(dir.resolve("missing.wav"))).isInstanceOf(IOException.class);
    }
}
