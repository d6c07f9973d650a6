package org.percepnet4j.cli.denoise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.percepnet4j.cli.CliRunner;
import org.percepnet4j.cli.ConstantGainModel;
import org.percepnet4j.cli.audio.AudioFileInfo;
import org.percepnet4j.cli.audio.AudioFileReader;
import org.percepnet4j.cli.audio.AudioFileType;
import org.percepnet4j.cli.audio.SampleFormat;
import org.percepnet4j.cli.audio.TestSignals;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.engine.Processor;
import org.percepnet4j.engine.ProcessorRender;
import org.percepnet4j.presets.FactoryPresets;

/** {@code percepnet denoise}, end to end on generated files, with a test model (gain 1 = pass-through). */
class DenoiseCommandTest {

    @TempDir
    Path dir;

    private CliRunner passThrough;
    private CliRunner halfGain;

    @BeforeEach
    void setUp() {
        passThrough = new CliRunner(new ConstantGainModel(1f), dir.resolve("user-presets"));
        halfGain = new CliRunner(new ConstantGainModel(0.5f), dir.resolve("user-presets"));
    }

    /** Speech-band test material: a few harmonics, well inside full scale. */
    private Path input(String name, int channels, float rate, SampleFormat format, double seconds) throws IOException {
        int frames = (int) Math.round(rate * seconds);
        float[][] x = TestSignals.sines(channels, frames, rate, 220, 0.3);
        float[][] y = TestSignals.sines(channels, frames, rate, 1250, 0.1);
        for (int ch = 0; ch < channels; ch++) {
            for (int i = 0; i < frames; i++) {
                x[ch][i] += y[ch][i];
            }
        }
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return TestSignals.write(file, x, rate, format);
    }

    @Test
    void outputsGetTheDefaultPermissionsOfNewFiles() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX");
        Path in = input("perm.wav", 1, 48000, SampleFormat.INT16, 0.3);
        Path out = dir.resolve("perm-out.wav");
        assertThat(passThrough.run("denoise", in.toString(), "-o", out.toString()).exit()).isZero();
        Path reference = Files.createFile(dir.resolve("reference"));
        // not the owner-only permissions of a temporary file: others may need to read a render
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "in16.wav, 1, 48000, INT16", "in24.wav, 2, 44100, INT24", "in32.wav, 2, 48000, INT32",
        "inf.wav, 2, 32000, FLOAT32", "in8.wav, 1, 16000, INT8", "in16.aiff, 2, 48000, INT16",
        "in24.aiff, 1, 96000, INT24"})
    void keepsRateChannelsFormatAndLength(String name, int channels, float rate, SampleFormat format) throws IOException {
        Path in = input(name, channels, rate, format, 0.7);
        Path out = dir.resolve("out-" + name);
        CliRunner.Result r = halfGain.run("denoise", in.toString(), "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        AudioFileInfo a = AudioFileReader.probe(in);
        AudioFileInfo b = AudioFileReader.probe(out);
        assertThat(b).isEqualTo(a);
        assertThat(r.out()).contains("Denoised 1 of 1 file");
        // It was processed: the half-gain model makes the output quieter.
        assertThat(rms(TestSignals.readAll(out))).isLessThan(0.8 * rms(TestSignals.readAll(in)));
    }

    @Test
    void flacInputIsWrittenAsWavOfTheSameDepth() throws IOException {
        Path flac = copyResource("sine-440-1000-48k-16bit-stereo.flac");
        Path outDir = dir.resolve("out");
        CliRunner.Result r = halfGain.run("denoise", flac.toString(), "--out-dir", outDir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        AudioFileInfo info = AudioFileReader.probe(outDir.resolve("sine-440-1000-48k-16bit-stereo.wav"));
        assertThat(info).isEqualTo(new AudioFileInfo(AudioFileType.WAV, 48000, 2, SampleFormat.INT16, 24000));
        Path flac24 = copyResource("sine-440-44k1-24bit-mono.flac");
        Path o = dir.resolve("o24.wav");
        assertThat(halfGain.run("denoise", flac24.toString(), "-o", o.toString()).exit()).isZero();
        assertThat(AudioFileReader.probe(o).format()).isEqualTo(SampleFormat.INT24);
    }

    @Test
    void outputIsTimeAlignedWithTheInput() throws IOException {
        // A click train through the pass-through model: every click comes out at the same sample index.
        int frames = 48000;
        float[][] x = new float[1][frames];
        for (int i = 3000; i < frames - 3000; i += 4801) {
            x[0][i] = 0.5f;
        }
        Path in = TestSignals.write(dir.resolve("clicks.wav"), x, 48000, SampleFormat.FLOAT32);
        Path out = dir.resolve("clicks-out.wav");
        assertThat(passThrough.run("denoise", in.toString(), "-o", out.toString(), "--post-filter", "0").exit())
                .isZero();
        float[] y = TestSignals.readAll(out)[0];
        assertThat(y).hasSize(frames);
        assertThat(bestLag(x[0], y, 2000)).isZero();
        for (int lookahead : new int[] {0, 10}) {
            Path o = dir.resolve("la" + lookahead + ".wav");
            assertThat(passThrough.run("denoise", in.toString(), "-o", o.toString(), "--lookahead",
                    String.valueOf(lookahead)).exit()).isZero();
            assertThat(bestLag(x[0], TestSignals.readAll(o)[0], 2000)).as("look-ahead " + lookahead).isZero();
        }
        // At 44.1 kHz too (the processor resamples inside; the latency it reports is still exact).
        Path in44 = TestSignals.write(dir.resolve("clicks44.wav"), x, 44100, SampleFormat.FLOAT32);
        Path out44 = dir.resolve("clicks44-out.wav");
        assertThat(passThrough.run("denoise", in44.toString(), "-o", out44.toString()).exit()).isZero();
        assertThat(bestLag(x[0], TestSignals.readAll(out44)[0], 2000)).isZero();
    }

    @Test
    void equalsTheEnginesAlignedRenderSampleForSample() throws IOException {
        // The plugin and the CLI must agree: a 32-bit float file through the CLI equals ProcessorRender.
        Path in = input("ref.wav", 2, 44100, SampleFormat.FLOAT32, 0.6);
        Path out = dir.resolve("ref-out.wav");
        CliRunner.Result r = halfGain.run("denoise", in.toString(), "-o", out.toString(), "--preset", "Lecture/hall",
                "--lookahead", "10");
        assertThat(r.exit()).as(r.err()).isZero();
        Processor p = new Processor(new ConstantGainModel(0.5f));
        p.prepare(44100, 4096, 2);
        FactoryPresets.LECTURE_HALL.parameters().with(Parameter.LOOKAHEAD, 10).applyTo(p::setParameter);
        float[][] expected = ProcessorRender.render(p, TestSignals.readAll(in));
        float[][] actual = TestSignals.readAll(out);
        for (int ch = 0; ch < 2; ch++) {
            assertThat(actual[ch]).as("channel " + ch).containsExactly(expected[ch]);
        }
    }

    @Test
    void outputDoesNotDependOnTheBlockSize() throws IOException {
        Path in = input("blocks.wav", 2, 44100, SampleFormat.INT16, 0.5);
        byte[] reference = null;
        for (String block : new String[] {"4093", "480", "1", "65536"}) {
            Path out = dir.resolve("b" + block + ".wav");
            CliRunner.Result r = halfGain.run("denoise", in.toString(), "-o", out.toString(), "--block-size", block);
            assertThat(r.exit()).as(r.err()).isZero();
            byte[] bytes = Files.readAllBytes(out);
            if (reference == null) {
                reference = bytes;
            } else {
                assertThat(bytes).as("block size " + block).isEqualTo(reference);
            }
        }
    }

    @Test
    void aFailedFileDoesNotStopTheBatchAndIsListed() throws IOException {
        Path batch = Files.createDirectories(dir.resolve("batch"));
        input("batch/a.wav", 1, 48000, SampleFormat.INT16, 0.3);
        input("batch/sub/b.aiff", 2, 48000, SampleFormat.INT24, 0.3);
        Files.writeString(batch.resolve("notes.wav"), "not audio");
        Path good = input("batch/c.wav", 1, 48000, SampleFormat.INT16, 0.3);
        byte[] bytes = Files.readAllBytes(good);
        Files.write(batch.resolve("truncated.wav"), Arrays.copyOf(bytes, bytes.length / 2));
        Files.writeString(batch.resolve("readme.txt"), "ignored: not an audio extension");
        Path outDir = dir.resolve("clean");
        CliRunner.Result r = halfGain.run("denoise", batch.toString(), "--out-dir", outDir.toString(), "--threads", "2");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("Denoised 3 of 5 files");
        assertThat(r.err()).contains("Failed (2):")
                .contains("notes.wav: not a supported audio file (WAV, AIFF or FLAC)")
                .contains("truncated.wav: truncated");
        assertThat(outDir.resolve("a.wav")).exists();
        assertThat(outDir.resolve("sub/b.aiff")).exists();
        assertThat(outDir.resolve("c.wav")).exists();
        try (Stream<Path> s = Files.walk(outDir)) {
            assertThat(s.filter(Files::isRegularFile).map(p -> outDir.relativize(p).toString()))
                    .containsExactlyInAnyOrder("a.wav", "sub/b.aiff", "c.wav"); // nothing half-written
        }
    }

    @Test
    void theInputIsNeverOverwrittenWithoutForce() throws IOException {
        Path in = input("voice.wav", 1, 48000, SampleFormat.INT16, 0.3);
        byte[] before = Files.readAllBytes(in);
        CliRunner.Result r = halfGain.run("denoise", in.toString(), "-o", in.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("voice.wav: refusing to overwrite the input");
        assertThat(Files.readAllBytes(in)).isEqualTo(before);
        CliRunner.Result same = halfGain.run("denoise", in.toString(), "--out-dir", dir.toString());
        assertThat(same.exit()).isEqualTo(1);
        assertThat(Files.readAllBytes(in)).isEqualTo(before);
        CliRunner.Result forced = halfGain.run("denoise", in.toString(), "-o", in.toString(), "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(Files.readAllBytes(in)).isNotEqualTo(before).hasSameSizeAs(before);
    }

    @Test
    void noOutputReplacesAnotherInputEvenWithForce() throws IOException {
        // take.flac is written as take.wav: into the folder that holds take.wav, that would replace an input
        Path rec = Files.createDirectories(dir.resolve("rec"));
        Files.copy(copyResource("sine-440-1000-48k-16bit-stereo.flac"), rec.resolve("take.flac"));
        Path wav = input("rec/take.wav", 2, 48000, SampleFormat.INT16, 0.3);
        byte[] before = Files.readAllBytes(wav);
        CliRunner.Result r = halfGain.run("denoise", rec.toString(), "--out-dir", rec.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("take.flac: its output").contains("would overwrite another input");
        assertThat(Files.readAllBytes(wav)).isEqualTo(before);
        // --force lets take.wav be replaced by its own denoised version (0.3 s), never by take.flac's (0.5 s)
        CliRunner.Result forced = halfGain.run("denoise", rec.toString(), "--out-dir", rec.toString(), "--force");
        assertThat(forced.exit()).isEqualTo(1);
        assertThat(forced.err()).contains("take.flac: its output").contains("would overwrite another input");
        assertThat(AudioFileReader.probe(wav).frames()).isEqualTo(14_400);
    }

    @Test
    void underOutDirAnExistingFileIsReplacedOnlyWithForce() throws IOException {
        // FLAC input becomes .wav: a file of that name in --out-dir is not the batch's to replace
        Path rec = Files.createDirectories(dir.resolve("rec"));
        Files.copy(copyResource("sine-440-1000-48k-16bit-stereo.flac"), rec.resolve("song.flac"));
        Path mix = Files.createDirectories(dir.resolve("mix"));
        Path own = input("mix/song.wav", 1, 8000, SampleFormat.INT16, 0.2);
        byte[] before = Files.readAllBytes(own);
        CliRunner.Result batch = halfGain.run("denoise", rec.toString(), "--out-dir", mix.toString());
        assertThat(batch.exit()).isEqualTo(1);
        assertThat(batch.err()).contains("song.flac: its output " + mix.resolve("song.wav")
                + " exists; add --force to replace it");
        assertThat(Files.readAllBytes(own)).isEqualTo(before);
        CliRunner.Result forced = halfGain.run("denoise", rec.toString(), "--out-dir", mix.toString(), "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(AudioFileReader.probe(own).sampleRate()).isEqualTo(48000f);
        // -o names its file: a render repeated with other settings replaces it
        Path in = input("take.wav", 1, 48000, SampleFormat.INT16, 0.3);
        Path out = dir.resolve("take-clean.wav");
        Files.writeString(out, "an earlier render");
        CliRunner.Result named = halfGain.run("denoise", in.toString(), "-o", out.toString());
        assertThat(named.exit()).as(named.err()).isZero();
        assertThat(AudioFileReader.probe(out).frames()).isEqualTo(14_400);
    }

    @Test
    void aSecondRunDoesNotTakeTheFirstRunsOutputsForInputs() throws IOException {
        Path takes = Files.createDirectories(dir.resolve("takes"));
        input("takes/a.wav", 1, 48000, SampleFormat.INT16, 0.3);
        Path clean = takes.resolve("clean");
        assertThat(halfGain.run("denoise", takes.toString(), "--out-dir", clean.toString()).exit()).isZero();
        CliRunner.Result again = halfGain.run("denoise", takes.toString(), "--out-dir", clean.toString(), "--force");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Denoised 1 of 1 file:");
        assertThat(clean.resolve("clean")).doesNotExist();
    }

    @Test
    void theSameInputNamedTwiceIsProcessedOnce() throws IOException {
        Path in = input("once.wav", 1, 48000, SampleFormat.INT16, 0.3);
        Path alias = in.getParent().resolve(".").resolve("once.wav");
        CliRunner.Result r = halfGain.run("denoise", in.toString(), alias.toString(), "--out-dir",
                dir.resolve("out").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Denoised 1 of 1 file:");
    }

    @Test
    void aFolderAsOutputOrAnUnfinishedRecordingIsRefusedUpFront() throws IOException {
        Path in = input("v.wav", 1, 48000, SampleFormat.INT16, 0.3);
        Path folder = Files.createDirectories(dir.resolve("out.wav"));
        CliRunner.Result r = halfGain.run("denoise", in.toString(), "-o", folder.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(folder + ": is a folder");
        // A recorder that never finalised its file can leave the data size at 0xFFFFFFFF
        byte[] bytes = Files.readAllBytes(in);
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(40, 0xFFFF_FFFF);
        Path unfinished = Files.write(dir.resolve("unfinished.wav"), bytes);
        Path out = dir.resolve("u.wav");
        CliRunner.Result u = halfGain.run("denoise", unfinished.toString(), "-o", out.toString());
        assertThat(u.exit()).isEqualTo(1);
        assertThat(u.err()).contains("unfinished.wav: truncated or unfinished: the header says")
                .contains("sox --ignore-length").doesNotContain("internal error");
        assertThat(out).doesNotExist();
    }

    @Test
    void badInputGivesOneLineAndANonZeroExit() throws IOException {
        Path missing = dir.resolve("missing.wav");
        CliRunner.Result r = halfGain.run("denoise", missing.toString(), "-o", dir.resolve("x.wav").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(missing + ": no such file");
        Path lowRate = input("low.wav", 1, 4000, SampleFormat.INT16, 0.3);
        CliRunner.Result low = halfGain.run("denoise", lowRate.toString(), "-o", dir.resolve("y.wav").toString());
        assertThat(low.exit()).isEqualTo(1);
        assertThat(low.err()).contains("low.wav: unsupported: WAV, 4000 Hz").contains("8000 to 192000");
        Path nine = input("nine.wav", 9, 48000, SampleFormat.INT16, 0.1);
        CliRunner.Result many = halfGain.run("denoise", nine.toString(), "-o", dir.resolve("z.wav").toString());
        assertThat(many.exit()).isEqualTo(1);
        assertThat(many.err()).contains("nine.wav: unsupported").contains("channels");
        assertThat(dir.resolve("x.wav")).doesNotExist();
        assertThat(dir.resolve("y.wav")).doesNotExist();
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheRange() throws IOException {
        Path in = input("v.wav", 1, 48000, SampleFormat.INT16, 0.2);
        String out = dir.resolve("o.wav").toString();
        CliRunner.Result strength = halfGain.run("denoise", in.toString(), "-o", out, "--strength", "120");
        assertThat(strength.exit()).isEqualTo(2);
        assertThat(strength.err()).contains("--strength: 120 is not allowed (allowed 0 to 100 dB)");
        assertThat(halfGain.run("denoise", in.toString(), "-o", out, "--lookahead", "15").err())
                .contains("allowed 0, 10 or 20 ms");
        CliRunner.Result two = halfGain.run("denoise", in.toString(), in.toString(), "-o", out);
        assertThat(two.exit()).isEqualTo(2);
        assertThat(two.err()).contains("-o takes exactly one input file");
        CliRunner.Result flacOut = halfGain.run("denoise", in.toString(), "-o", dir.resolve("o.flac").toString());
        assertThat(flacOut.exit()).isEqualTo(2);
        assertThat(flacOut.err()).contains("FLAC cannot be written");
        assertThat(halfGain.run("denoise", in.toString()).exit()).isEqualTo(2);
        assertThat(Path.of(out)).doesNotExist();
    }

    @Test
    void presetsByNameOrFileAndOverridesApply() throws IOException {
        Path in = input("p.wav", 1, 48000, SampleFormat.FLOAT32, 0.5);
        Path a = dir.resolve("a.wav");
        assertThat(halfGain.run("denoise", in.toString(), "-o", a.toString(), "--preset", "voice-over booth gentle")
                .exit()).isZero();
        Path fxp = dir.resolve("max.fxp");
        assertThat(halfGain.run("presets", "export", "Maximum cleanup", fxp.toString()).exit()).isZero();
        Path b = dir.resolve("b.wav");
        assertThat(halfGain.run("denoise", in.toString(), "-o", b.toString(), "--preset", fxp.toString()).exit())
                .isZero();
        // The half-gain model removes 6 dB, within both presets' limits; the 3 dB limit below caps it.
        Path c = dir.resolve("c.wav");
        assertThat(halfGain.run("denoise", in.toString(), "-o", c.toString(), "--preset", fxp.toString(),
                "--strength", "3", "--post-filter", "0").exit()).isZero();
        assertThat(rms(TestSignals.readAll(c))).isGreaterThan(1.2 * rms(TestSignals.readAll(b)));
        CliRunner.Result unknown = halfGain.run("denoise", in.toString(), "-o", dir.resolve("d.wav").toString(),
                "--preset", "Karaoke");
        assertThat(unknown.exit()).isEqualTo(2); // a bad command line, like a bad number
        assertThat(unknown.err()).contains("--preset: Karaoke: no such preset or file (presets: Default, Podcast studio");
    }

    private Path copyResource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/audio/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    static double rms(float[][] x) {
        double s = 0;
        long n = 0;
        for (float[] c : x) {
            for (float v : c) {
                s += v * (double) v;
                n++;
            }
        }
        return Math.sqrt(s / n);
    }

    /** The lag (output relative to input) with the highest cross-correlation; x is sparse (clicks). */
    static int bestLag(float[] x, float[] y, int maxLag) {
        int[] clicks = java.util.stream.IntStream.range(0, x.length).filter(i -> x[i] != 0).toArray();
        int best = Integer.MIN_VALUE;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            double s = 0;
            for (int i : clicks) {
                if (i + lag >= 0 && i + lag < y.length) {
                    s += x[i] * (double) y[i + lag];
                }
            }
            if (s > bestValue) {
                bestValue = s;
                best = lag;
            }
        }
        return best;
    }
}
