package org.percepnet4j.cli.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The WAV files AudioFileWriter writes itself (known length) are byte for byte what Java Sound writes for the
 * same data, for every sample format, channel count and length, plus the pad byte RIFF requires after odd-sized
 * data (which Java Sound leaves out); and a source error still surfaces as itself.
 */
class WavWriterTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SampleFormat.class)
    void directWavEqualsJavaSoundsWav(SampleFormat format) throws IOException {
        for (int channels : new int[] {1, 2, 6}) {
            for (int frames : new int[] {0, 5, 40_000}) {
                float[][] x = new float[channels][frames];
                Random rng = new Random(frames * 31L + channels);
                for (float[] ch : x) {
                    for (int i = 0; i < frames; i++) {
                        ch[i] = (float) (rng.nextGaussian() * 0.4);
                    }
                }
                ch0Extremes(x[0]);
                AudioFormat af = AudioFileWriter.javaSoundFormat(AudioFileType.WAV, 44_100f, channels, format);
                assertThat(AudioFileWriter.writesDirectly(AudioFileType.WAV, frames, af)).isTrue();
                Path direct = dir.resolve("direct.wav");
                Path javaSound = dir.resolve("javasound.wav");
                AudioFileWriter.writeWav(direct, direct, af, frames, stream(x, af, format));
                AudioFileWriter.writeJavaSound(javaSound, javaSound, AudioFileType.WAV, af, frames, stream(x, af, format));
                byte[] expected = Files.readAllBytes(javaSound);
                long dataBytes = (long) frames * af.getFrameSize();
                if (dataBytes % 2 == 1) {
                    expected = java.util.Arrays.copyOf(expected, expected.length + 1); // the pad byte, 0
                    java.nio.ByteBuffer.wrap(expected).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                            .putInt(4, (int) (36 + dataBytes + 1));
                }
                assertThat(Files.readAllBytes(direct)).as("%s, %d ch, %d frames", format, channels, frames)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void aSourceErrorIsReportedAsItselfAndNothingIsLeftUnderTheTarget() throws IOException {
        Path target = dir.resolve("out.wav");
        FrameSource failing = new FrameSource() {
            int calls;

            @Override
            public int next(float[][] dst, int maxFrames) throws IOException {
                if (calls++ > 2) {
                    throw new AudioFileException(dir.resolve("in.wav"), "corrupt data after 3 blocks");
                }
                return maxFrames;
            }
        };
        assertThatThrownBy(() -> AudioFileWriter.write(target, AudioFileType.WAV, 48_000f, 2, SampleFormat.INT24,
                10_000_000, failing, 1)).isInstanceOf(AudioFileException.class).hasMessageContaining("corrupt data");
        assertThat(target).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty(); // no temporary file left either
        }
    }

    @Test
    void aWriteErrorReachesTheCallerAsItself() {
        float[][] x = new float[2][100_000];
        AudioFormat af = AudioFileWriter.javaSoundFormat(AudioFileType.WAV, 48_000f, 2, SampleFormat.INT16);
        java.io.OutputStream full = new java.io.OutputStream() {
            int writes;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (++writes > 2) {
                    throw new IOException("No space left on device");
                }
            }
        };
        assertThatThrownBy(() -> stream(x, af, SampleFormat.INT16).copyTo(full))
                .isInstanceOf(IOException.class).hasMessage("No space left on device");
    }

    private static void ch0Extremes(float[] c) {
        float[] special = {1f, -1f, 2f, -2f, Float.NaN, Float.POSITIVE_INFINITY, 0.5f / 32768f, -0f};
        for (int i = 0; i < Math.min(c.length, special.length); i++) {
            c[i] = special[i];
        }
    }

    private static AudioFileWriter.EncodingStream stream(float[][] x, AudioFormat af, SampleFormat format) {
        return new AudioFileWriter.EncodingStream(TestSignals.sourceOf(x), new PcmCodec(af, format, new TpdfDither(9)),
                x.length);
    }
}
