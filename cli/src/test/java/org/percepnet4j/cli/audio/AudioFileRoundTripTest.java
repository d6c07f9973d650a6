package org.percepnet4j.cli.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudioFileRoundTripTest {

    /** SoX's "gain -6" (the FLAC resources' amplitude). */
    private static final double MINUS_6_DB = Math.pow(10, -6 / 20.0);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}-channel {2}")
    @CsvSource({
        "wav, 1, INT16", "wav, 2, INT24", "wav, 2, INT32", "wav, 2, FLOAT32", "wav, 1, INT8", "wav, 6, INT16",
        "aiff, 1, INT16", "aiff, 2, INT24", "aiff, 2, INT32"})
    void writtenFilesReadBackWithTheirFormatAndSamples(String ext, int channels, SampleFormat format) throws IOException {
        float[][] x = TestSignals.sines(channels, 4801, 44100, 300, 0.7);
        Path f = TestSignals.write(dir.resolve("t." + ext), x, 44100, format);
        AudioFileInfo info = AudioFileReader.probe(f);
        assertThat(info.type()).isEqualTo(AudioFileType.byExtension(f).orElseThrow());
        assertThat(info.channels()).isEqualTo(channels);
        assertThat(info.format()).isEqualTo(format);
        assertThat(info.sampleRate()).isEqualTo(44100f);
        assertThat(info.frames()).isEqualTo(4801);
        float[][] y = TestSignals.readAll(f);
        double step = format.isFloatingPoint() ? 0 : Math.scalb(1.0, 1 - format.bits());
        // Dithered formats may be off by the rounding plus one step of dither; others by half a step.
        double tolerance = format.needsDither() ? 1.5 * step : 0.5 * step + 1e-7;
        for (int ch = 0; ch < channels; ch++) {
            for (int i = 0; i < x[ch].length; i++) {
                assertThat((double) y[ch][i]).isCloseTo(x[ch][i], within(tolerance));
            }
        }
    }

    @Test
    void decodeThenEncodeIsBitExactWithoutDitherFormats() throws IOException {
        float[][] x = TestSignals.sines(2, 1000, 48000, 1000, 0.9);
        Path a = TestSignals.write(dir.resolve("a.wav"), x, 48000, SampleFormat.INT24);
        Path b = TestSignals.write(dir.resolve("b.wav"), TestSignals.readAll(a), 48000, SampleFormat.INT24);
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    }

    @Test
    void ditherIsTriangularAndRepeatable() throws IOException {
        float[][] silence = new float[1][20000];
        float[][] quiet = new float[1][20000];
        Arrays.fill(quiet[0], 0.25f / 32768); // a quarter step: without dither this would round to silence
        Path a = TestSignals.write(dir.resolve("a.wav"), quiet, 48000, SampleFormat.INT16);
        Path b = TestSignals.write(dir.resolve("b.wav"), quiet, 48000, SampleFormat.INT16);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        double mean = Arrays.stream(toDouble(TestSignals.readAll(a)[0])).average().orElseThrow() * 32768;
        assertThat(mean).isCloseTo(0.25, within(0.03)); // the average keeps sub-step detail
        double[] d = toDouble(TestSignals.readAll(TestSignals.write(dir.resolve("s.wav"), silence, 48000,
                SampleFormat.INT16))[0]);
        assertThat(Arrays.stream(d).map(v -> Math.abs(v * 32768)).max().orElseThrow()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void integerOutputClipsAtFullScaleAndNonFiniteBecomesSilence() throws IOException {
        float[][] x = {{2f, -2f, Float.NaN, Float.POSITIVE_INFINITY}};
        float[][] y = TestSignals.readAll(TestSignals.write(dir.resolve("c.wav"), x, 48000, SampleFormat.INT24));
        assertThat(y[0][0]).isEqualTo((float) (8388607 / 8388608.0));
        assertThat(y[0][1]).isEqualTo(-1f);
        assertThat(y[0][2]).isZero();
        assertThat(y[0][3]).isZero();
    }

    @Test
    void flacInputDecodesAtItsDepthAndRate() throws IOException {
        Path f16 = resource("sine-440-1000-48k-16bit-stereo.flac");
        AudioFileInfo info = AudioFileReader.probe(f16);
        assertThat(info).isEqualTo(new AudioFileInfo(AudioFileType.FLAC, 48000, 2, SampleFormat.INT16, 24000));
        float[][] y = TestSignals.readAll(f16);
        for (int i = 0; i < 24000; i++) {
            assertThat((double) y[0][i]).isCloseTo(MINUS_6_DB * Math.sin(2 * Math.PI * 440 * i / 48000), within(1.5 / 32768));
            assertThat((double) y[1][i]).isCloseTo(MINUS_6_DB * Math.sin(2 * Math.PI * 1000 * i / 48000), within(1.5 / 32768));
        }
        Path f24 = resource("sine-440-44k1-24bit-mono.flac");
        assertThat(AudioFileReader.probe(f24))
                .isEqualTo(new AudioFileInfo(AudioFileType.FLAC, 44100, 1, SampleFormat.INT24, 22050));
        float[][] z = TestSignals.readAll(f24);
        assertThat((double) z[0][100]).isCloseTo(MINUS_6_DB * Math.sin(2 * Math.PI * 440 * 100 / 44100), within(1e-6));
    }

    @Test
    void flacCanOnlyBeReadAndAiffCannotHoldFloats() {
        assertThatThrownBy(() -> TestSignals.write(dir.resolve("o.flac"), new float[1][10], 48000, SampleFormat.INT16))
                .isInstanceOf(AudioFileException.class).hasMessageContaining("cannot write FLAC")
                .hasMessageContaining(".wav");
        assertThatThrownBy(() -> TestSignals.write(dir.resolve("o.aiff"), new float[1][10], 48000, SampleFormat.FLOAT32))
                .hasMessageContaining("AIFF cannot hold 32-bit float");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void badFilesGiveOneLineNamingTheFile() throws IOException {
        Path missing = dir.resolve("missing.wav");
        assertThatThrownBy(() -> AudioFileReader.open(missing)).hasMessage(missing + ": no such file");
        Path text = Files.writeString(dir.resolve("notes.wav"), "this is not audio at all, just text");
        assertThatThrownBy(() -> AudioFileReader.open(text))
                .hasMessage(text + ": not a supported audio file (WAV, AIFF or FLAC)");
        Path empty = Files.write(dir.resolve("empty.wav"), new byte[0]);
        assertThatThrownBy(() -> AudioFileReader.open(empty)).isInstanceOf(AudioFileException.class)
                .hasMessageStartingWith(empty + ": ");
        assertThatThrownBy(() -> AudioFileReader.open(dir)).hasMessage(dir + ": is a directory");
    }

    @Test
    void anUnfinishedRecordingIsReportedNotRenderedEmpty() throws IOException {
        Path full = TestSignals.write(dir.resolve("crashed.wav"), TestSignals.sines(1, 48000, 48000, 440, 0.5), 48000,
                SampleFormat.INT16);
        byte[] wav = Files.readAllBytes(full);
        assertThat(new String(wav, 36, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("data");
        java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(40, 0); // data size left at 0
        Files.write(full, wav);
        assertThatThrownBy(() -> AudioFileReader.open(full))
                .hasMessageStartingWith(full + ": the header declares no audio, but the file holds 96044 bytes");
        Path header = Files.write(dir.resolve("silent.wav"), java.util.Arrays.copyOf(wav, 44)); // really empty
        try (AudioFileReader r = AudioFileReader.open(header)) {
            assertThat(r.info().frames()).isZero();
        }
    }

    @Test
    void truncatedFilesAreReportedNotSilentlyShortened() throws IOException {
        Path full = TestSignals.write(dir.resolve("full.wav"), TestSignals.sines(2, 48000, 48000, 440, 0.5), 48000,
                SampleFormat.INT16);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = Files.write(dir.resolve("cut.wav"), Arrays.copyOf(bytes, bytes.length / 2 + 1));
        assertThatThrownBy(() -> TestSignals.readAll(cut)).isInstanceOf(AudioFileException.class)
                .hasMessageStartingWith(cut + ": truncated");
        Path header = Files.write(dir.resolve("header.wav"), Arrays.copyOf(bytes, 20));
        assertThatThrownBy(() -> TestSignals.readAll(header)).isInstanceOf(AudioFileException.class)
                .hasMessageStartingWith(header + ": ");
        byte[] flac = Files.readAllBytes(resource("sine-440-1000-48k-16bit-stereo.flac"));
        Path cutFlac = Files.write(dir.resolve("cut.flac"), Arrays.copyOf(flac, flac.length / 2));
        assertThatThrownBy(() -> TestSignals.readAll(cutFlac)).isInstanceOf(AudioFileException.class)
                .hasMessageStartingWith(cutFlac + ": truncated");
    }

    @Test
    void failedWritesLeaveTheExistingTargetIntactAndNoTemporaryFiles() throws IOException {
        Path target = Files.writeString(dir.resolve("keep.wav"), "previous content");
        FrameSource failing = (dst, max) -> {
            throw new AudioFileException(dir.resolve("in.wav"), "corrupt data after 0 frames");
        };
        assertThatThrownBy(() -> AudioFileWriter.write(target, AudioFileType.WAV, 48000, 1, SampleFormat.INT16, -1,
                failing, 1)).hasMessageContaining("in.wav: corrupt data");
        assertThat(Files.readString(target)).isEqualTo("previous content");
        assertThat(dir.toFile().list()).containsExactly("keep.wav");
    }

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/audio/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }
}
