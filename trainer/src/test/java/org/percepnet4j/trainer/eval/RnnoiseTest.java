package org.percepnet4j.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RnnoiseTest {
    /** Relative to the trainer module, where Maven runs its tests. */
    private static final Path DRIVER = Path.of("target/rnnoise/rnnoise-driver");

    @Test
    void removesNoiseFromSpeechLikeSoundAndKeepsItAligned() throws Exception {
        assumeTrue(Files.isExecutable(DRIVER), "RNNoise driver not built: run trainer/tools/rnnoise/build.sh");
        float[] speech = TestSignals.speechLike(48_000, 4, 3);
        float[] noisy = TestSignals.mix(speech, TestSignals.whiteNoise(speech.length, 1, 4), 5);
        float[] out = Rnnoise.denoise(DRIVER, noisy);
        assertThat(out).hasSameSizeAs(noisy);
        for (float v : out) {
            assertThat(Float.isFinite(v)).isTrue();
        }
        assertThat(Metrics.siSdr(speech, out)).as("SI-SDR gain").isGreaterThan(Metrics.siSdr(speech, noisy) + 3);
        // aligned: the output correlates best with the speech at lag 0, not one or two frames off
        int best = 0;
        double bestCorrelation = Double.NEGATIVE_INFINITY;
        for (int lag = -1000; lag <= 1000; lag++) {
            double c = 0;
            for (int i = 2000; i < speech.length - 2000; i++) {
                c += speech[i] * out[i + lag];
            }
            if (c > bestCorrelation) {
                bestCorrelation = c;
                best = lag;
            }
        }
        assertThat(best).isBetween(-2, 2);
        // lengths that are not whole frames, and nothing at all
        assertThat(Rnnoise.denoise(DRIVER, java.util.Arrays.copyOf(noisy, 1234))).hasSize(1234);
        assertThat(Rnnoise.denoise(DRIVER, new float[0])).isEmpty();
    }

    @Test
    void aMissingOrFailingDriverIsAClearError(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Rnnoise.enhancer(dir.resolve("nope"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("build.sh");
        Path failing = dir.resolve("failing.sh");
        Files.writeString(failing, "#!/bin/sh\necho broken model >&2\nexit 3\n");
        assertThat(failing.toFile().setExecutable(true)).isTrue();
        assertThatThrownBy(() -> Rnnoise.denoise(failing, new float[480])).hasMessageContaining("exit status 3")
                .hasMessageContaining("broken model");
        Path short_ = dir.resolve("short.sh");
        Files.writeString(short_, "#!/bin/sh\nhead -c 8\n");
        assertThat(short_.toFile().setExecutable(true)).isTrue();
        assertThatThrownBy(() -> Rnnoise.denoise(short_, new float[480])).hasMessageContaining("returned 8 bytes");
    }
}
