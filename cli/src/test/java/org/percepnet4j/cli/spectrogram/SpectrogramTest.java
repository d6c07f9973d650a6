package org.percepnet4j.cli.spectrogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percepnet4j.cli.CliRunner;
import org.percepnet4j.cli.ConstantGainModel;
import org.percepnet4j.cli.audio.SampleFormat;
import org.percepnet4j.cli.audio.TestSignals;

class SpectrogramTest {

    @TempDir
    Path dir;

    @Test
    void aFullScaleSineShowsAtItsFrequencyAtZeroDb() {
        float[] x = TestSignals.sines(1, 48000, 48000, 1000, 1.0)[0];
        Spectrogram s = Spectrogram.compute(x, 48000, 10, 2048);
        assertThat(s.columns()).isEqualTo(10);
        assertThat(s.bins()).isEqualTo(1025);
        int peak = 0;
        for (int b = 0; b < s.bins(); b++) {
            if (s.db(5, b) > s.db(5, peak)) {
                peak = b;
            }
        }
        assertThat(s.binHz(peak)).isCloseTo(1000, within(24.0));
        assertThat((double) s.levelBetween(5, 900, 1100)).isCloseTo(0, within(1.5));
        assertThat((double) s.levelBetween(5, 5000, 6000)).isLessThan(-60);
    }

    @Test
    void logAxisTicksAndMappingAgree() {
        assertThat(SpectrogramImage.frequencyTicks(true, 40, 24000)).contains(50.0, 100.0, 1000.0, 10000.0, 20000.0);
        assertThat(SpectrogramImage.yOf(SpectrogramImage.frequencyAt(37, 360, true, 40, 24000), 360, true, 40, 24000))
                .isCloseTo(37, within(1e-9));
        assertThat(SpectrogramImage.niceStep(0.7)).isEqualTo(1);
        assertThat(SpectrogramImage.niceStep(1.3)).isEqualTo(2);
    }

    @Test
    void commandDrawsOneOrTwoPanels() throws Exception {
        Path a = TestSignals.write(dir.resolve("a.wav"), TestSignals.sines(2, 24000, 48000, 440, 0.5), 48000,
                SampleFormat.INT16);
        Path b = TestSignals.write(dir.resolve("b.aiff"), TestSignals.sines(1, 22050, 44100, 880, 0.1), 44100,
                SampleFormat.INT24);
        CliRunner cli = new CliRunner(new ConstantGainModel(1f), dir.resolve("user"));
        Path one = dir.resolve("one.png");
        CliRunner.Result r1 = cli.run("spectrogram", a.toString(), "-o", one.toString(), "--width", "300",
                "--height", "200");
        assertThat(r1.exit()).as(r1.err()).isZero();
        BufferedImage img1 = ImageIO.read(one.toFile());
        Path two = dir.resolve("two.png");
        CliRunner.Result r2 = cli.run("spectrogram", a.toString(), b.toString(), "-o", two.toString(), "--width", "300",
                "--height", "200", "--linear");
        assertThat(r2.exit()).as(r2.err()).isZero();
        BufferedImage img2 = ImageIO.read(two.toFile());
        assertThat(img2.getHeight()).isEqualTo(img1.getHeight());
        assertThat(img2.getWidth()).isGreaterThan(img1.getWidth() + 300);
        Path positional = dir.resolve("positional.png");
        assertThat(cli.run("spectrogram", a.toString(), positional.toString(), "--width", "100", "--height", "100")
                .exit()).isZero();
        assertThat(positional).exists();
        Files.delete(positional);
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("a.wav", "b.aiff", "one.png", "two.png");
    }

    @Test
    void badInputOrOutputFailsWithOneLine() throws Exception {
        CliRunner cli = new CliRunner(new ConstantGainModel(1f), dir.resolve("user"));
        Path junk = Files.writeString(dir.resolve("junk.wav"), "no");
        CliRunner.Result r = cli.run("spectrogram", junk.toString(), "-o", dir.resolve("x.png").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("junk.wav: not a supported audio file");
        Path a = TestSignals.write(dir.resolve("a.wav"), TestSignals.sines(1, 4800, 48000, 440, 0.5), 48000,
                SampleFormat.INT16);
        assertThat(cli.run("spectrogram", a.toString(), "-o", dir.resolve("x.jpg").toString()).err())
                .contains("name it .png");
        assertThat(cli.run("spectrogram", a.toString(), a.toString(), a.toString(), "-o", dir.resolve("z.png").toString()).exit()).isEqualTo(2);
        assertThat(cli.run("spectrogram", a.toString(), "-o", dir.resolve("y.png").toString(), "--range", "5").exit())
                .isEqualTo(2);
        assertThat(cli.run("spectrogram", a.toString()).err()).contains("name the picture");
        assertThat(List.of(dir.toFile().list())).containsExactlyInAnyOrder("junk.wav", "a.wav");
    }

    @Test
    void damagedHeadersGiveAClearErrorNotAHugeAllocation() throws Exception {
        CliRunner cli = new CliRunner(new ConstantGainModel(1f), dir.resolve("user"));
        Path a = TestSignals.write(dir.resolve("a.wav"), TestSignals.sines(1, 4800, 48000, 440, 0.5), 48000,
                SampleFormat.INT16);
        byte[] wav = Files.readAllBytes(a);
        assertThat(new String(wav, 36, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("data");
        byte[] huge = wav.clone(); // a data size of 4 GB, as streamed or interrupted recordings leave it
        java.nio.ByteBuffer.wrap(huge).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(40, 0xFFFFFFF0);
        Path streamed = Files.write(dir.resolve("streamed.wav"), huge);
        CliRunner.Result r = cli.run("spectrogram", streamed.toString(), "-o", dir.resolve("s.png").toString());
        assertThat(r.exit()).isEqualTo(1); // refused from the header and the file's size, not sized from it (8 GB)
        assertThat(r.err()).contains("streamed.wav: truncated or unfinished: the header says 2147483640 frames, more"
                + " than the file's 9644 bytes can hold");
        byte[] fast = wav.clone(); // 2 GHz
        java.nio.ByteBuffer.wrap(fast).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(24, 2_000_000_000)
                .putInt(28, 2_000_000_000 * 2);
        Path rate = Files.write(dir.resolve("rate.wav"), fast);
        r = cli.run("spectrogram", rate.toString(), "-o", dir.resolve("r.png").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("rate.wav: implausible header: 1 channel(s) at 2000000000 Hz");
    }
}
