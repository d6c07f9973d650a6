package org.percepnet4j.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percepnet4j.cli.CliRunner;
import org.percepnet4j.cli.ConstantGainModel;
import org.percepnet4j.engine.Processor;

class LiveTest {

    @TempDir
    Path dir;

    @Test
    void theLoopDenoisesEveryCapturedBlockIntoPlayback() throws Exception {
        int rate = 48000;
        int frames = rate; // one second, stereo 16-bit
        byte[] captured = new byte[frames * 4];
        for (int i = 0; i < frames; i++) {
            short v = (short) (8000 * Math.sin(2 * Math.PI * 300 * i / rate));
            for (int ch = 0; ch < 2; ch++) {
                captured[4 * i + 2 * ch] = (byte) v;
                captured[4 * i + 2 * ch + 1] = (byte) (v >> 8);
            }
        }
        Processor p = new Processor(new ConstantGainModel(0.5f));
        p.prepare(rate, 480, 2);
        LiveLoop loop = new LiveLoop(p, 480);
        ByteArrayInputStream in = new ByteArrayInputStream(captured);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        loop.run(in::read, out::write, () -> true);
        assertThat(loop.frames()).isEqualTo(frames);
        byte[] played = out.toByteArray();
        assertThat(played).hasSize(captured.length);
        // After the latency, the half-gain model plays the tone at about half its level.
        double inRms = rms(captured, frames / 2, frames);
        double outRms = rms(played, frames / 2, frames);
        assertThat(outRms / inRms).isBetween(0.35, 0.65);
    }

    @Test
    void theLoopStopsWhenAsked() throws Exception {
        Processor p = new Processor(new ConstantGainModel(1f));
        p.prepare(48000, 480, 1);
        LiveLoop loop = new LiveLoop(p, 480);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        loop.run((b, off, len) -> len, out::write, () -> loop.frames() < 4800);
        assertThat(loop.frames()).isEqualTo(4800);
    }

    @Test
    void withoutAudioDevicesLiveSaysSoAndFails() {
        AudioFormat f = new AudioFormat(48000, 16, 1, true, false);
        Assumptions.assumeTrue(AudioDevices.list(f).stream().noneMatch(AudioDevices.Device::canCapture),
                "this machine has a capture device; the no-device path cannot be shown here");
        CliRunner cli = new CliRunner(new ConstantGainModel(1f), dir);
        CliRunner.Result r = cli.run("live", "--seconds", "1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no audio capture (input) device found").contains("percepnet live --list");
    }

    @Test
    void listingNamesTheDevicesOrSaysThereAreNone() {
        CliRunner cli = new CliRunner(new ConstantGainModel(1f), dir);
        CliRunner.Result r = cli.run("live", "--list");
        if (AudioDevices.list(new AudioFormat(48000, 16, 1, true, false)).isEmpty()) {
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("no audio devices found");
        } else {
            assertThat(r.exit()).isZero();
            assertThat(r.out()).startsWith("Devices for 48000 Hz, 16-bit, 1 channel:");
        }
    }

    @Test
    void aDeviceThatDoesNotExistIsReported() {
        CliRunner cli = new CliRunner(new ConstantGainModel(1f), dir);
        CliRunner.Result r = cli.run("live", "--in", "no-such-device-xyz", "--seconds", "1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("capture (input)").contains("no-such-device-xyz").doesNotContain("Exception");
    }

    private static double rms(byte[] pcm, int fromFrame, int toFrame) {
        double s = 0;
        for (int i = fromFrame; i < toFrame; i++) {
            short v = (short) ((pcm[4 * i] & 0xFF) | pcm[4 * i + 1] << 8);
            s += v * (double) v;
        }
        return Math.sqrt(s / (toFrame - fromFrame));
    }
}
