package org.percepnet4j.cli.denoise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.percepnet4j.cli.audio.AudioFileType;
import org.percepnet4j.cli.audio.SampleFormat;
import org.percepnet4j.cli.audio.TestSignals;
import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.models.Models;
import org.percepnet4j.presets.ParameterSet;

/**
 * The offline render's analysis thread (batches of hops run ahead, the network layer by layer, the input read
 * ahead across block boundaries) with the trained, stateful default model: the same bytes as the serial render,
 * whatever the block size.
 */
class FileRendererThreadTest {

    private static final GainModel MODEL = Models.loadDefault();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} ch, dual mono {1}")
    @CsvSource({"1, false", "2, false", "2, true"})
    void threadedRendersGiveTheSerialBytesForAnyBlockSize(int channels, boolean dualMono) throws IOException {
        int frames = 48_000 * 7 + 123;
        Random rng = new Random(channels * 7L + (dualMono ? 1 : 0));
        float[][] x = TestSignals.sines(channels, frames, 48_000, 190, 0.2);
        for (float[] ch : x) {
            for (int i = 0; i < frames; i++) {
                ch[i] += (float) (0.05 * rng.nextGaussian());
            }
        }
        Path in = TestSignals.write(dir.resolve("in.wav"), x, 48_000f, SampleFormat.INT24);
        ParameterSet parameters = ParameterSet.defaults().with(Parameter.DUAL_MONO, dualMono ? 1 : 0);

        byte[] serial = render(in, parameters, FileRenderer.DEFAULT_BLOCK, false, "serial.wav");
        for (int block : new int[] {FileRenderer.DEFAULT_BLOCK, 4_093, 480, 30_001}) {
            byte[] threaded = render(in, parameters, block, true, "threaded-" + block + ".wav");
            assertThat(threaded).as("block %d", block).isEqualTo(serial);
        }
    }

    private byte[] render(Path in, ParameterSet parameters, int block, boolean thread, String name)
            throws IOException {
        Path out = dir.resolve(name);
        new FileRenderer(MODEL, parameters, block, thread).render(new DenoiseJob(in, out, AudioFileType.WAV), f -> { });
        return Files.readAllBytes(out);
    }
}
