package org.percepnet4j.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.percepnet4j.ui.TestSignals;

class AudioFilesTest {

    @TempDir
    Path dir;

    static AudioClip clip(AudioFormat f, AudioFileFormat.Type type, int frames) {
        float[][] s = TestSignals.noisyVoice(f.getSampleRate(), f.getChannels(), frames / f.getSampleRate(), 10, 7);
        return new AudioClip(s, f, type);
    }

    @ParameterizedTest(name = "{0} {1}-bit {2} ch {3}")
    @CsvSource({
        "WAVE, 16, 1, PCM_SIGNED, 1.5e-4",
        "WAVE, 24, 2, PCM_SIGNED, 1e-6",
        "WAVE, 32, 2, PCM_SIGNED, 1e-8",
        "WAVE, 32, 2, PCM_FLOAT, 0",
        "WAVE, 8, 1, PCM_UNSIGNED, 0.02",
        "AIFF, 16, 2, PCM_SIGNED, 1.5e-4",
        "AIFF, 24, 1, PCM_SIGNED, 1e-6",
    })
    void writesAndReadsBackTheSameFormat(String type, int bits, int channels, String encoding, double tolerance)
            throws IOException {
        boolean aiff = type.equals("AIFF");
        AudioFormat.Encoding enc = new AudioFormat.Encoding(encoding);
        AudioFormat f = new AudioFormat(enc, 44100, bits, channels, channels * bits / 8, 44100, aiff);
        AudioClip c = clip(f, aiff ? AudioFileFormat.Type.AIFF : AudioFileFormat.Type.WAVE, 4410);
        Path file = dir.resolve(aiff ? "x.aiff" : "x.wav");
        AudioFiles.write(c, file);
        AudioClip back = AudioFiles.read(file);
        assertThat(back.channels()).isEqualTo(channels);
        assertThat(back.frames()).isEqualTo(4410);
        assertThat(back.sampleRate()).isEqualTo(44100.0);
        assertThat(back.format().getSampleSizeInBits()).isEqualTo(bits);
        assertThat(back.format().getEncoding()).isEqualTo(f.getEncoding());
        assertThat(back.fileType()).isEqualTo(c.fileType());
        for (int ch = 0; ch < channels; ch++) {
            for (int i = 0; i < 4410; i += 97) {
                assertThat((double) back.samples()[ch][i]).isCloseTo(c.samples()[ch][i], within(tolerance));
            }
        }
    }

    @Test
    void sixteenBitOutputIsDitheredNotTruncated() {
        // A constant a third of an LSB: plain rounding gives all zeros, TPDF dither keeps the mean.
        AudioFormat f = new AudioFormat(48000, 16, 1, true, false);
        float[][] s = {new float[48000]};
        Arrays.fill(s[0], (float) (1.0 / 3 / 32768));
        byte[] b = AudioFiles.encode(s, f, new java.util.SplittableRandom(1));
        float[][] back = AudioFiles.decode(b, 48000, f);
        double mean = 0;
        for (float v : back[0]) {
            mean += v * 32768;
        }
        mean /= 48000;
        assertThat(mean).isCloseTo(1.0 / 3, within(0.03));
    }

    @Test
    void fullScaleAndBeyondIsClippedNotWrapped() {
        AudioFormat f = new AudioFormat(48000, 24, 1, true, false);
        float[][] s = {{1.5f, -1.5f, Float.NaN}};
        float[][] back = AudioFiles.decode(AudioFiles.encode(s, f, new java.util.SplittableRandom(1)), 3, f);
        assertThat(back[0][0]).isGreaterThan(0.999f);
        assertThat(back[0][1]).isEqualTo(-1f);
        assertThat(back[0][2]).isZero();
    }

    @Test
    void aTruncatedFileIsReportedWithItsName() throws IOException {
        AudioFormat f = new AudioFormat(48000, 16, 2, true, false);
        Path file = dir.resolve("cut.wav");
        AudioFiles.write(clip(f, AudioFileFormat.Type.WAVE, 48000), file);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> AudioFiles.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("cut.wav").hasMessageContaining("truncated");
    }

    @Test
    void aRateTheProcessorCannotRunIsRefusedWhenOpened() throws IOException {
        for (float rate : new float[] {6000, 384000}) {
            AudioFormat f = new AudioFormat(rate, 16, 1, true, false);
            Path file = dir.resolve("rate-" + (int) rate + ".wav");
            AudioFiles.write(clip(f, AudioFileFormat.Type.WAVE, 4800), file);
            assertThatThrownBy(() -> AudioFiles.read(file)).isInstanceOf(IOException.class)
                    .hasMessageContaining(file.getFileName().toString())
                    .hasMessageContaining("8 to 192 kHz are supported");
        }
    }

    @Test
    void garbageIsReportedAsNotAudio() throws IOException {
        Path file = dir.resolve("notes.wav");
        Files.writeString(file, "this is not audio at all, just text pretending to be a wav file");
        assertThatThrownBy(() -> AudioFiles.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("notes.wav");
    }
}
