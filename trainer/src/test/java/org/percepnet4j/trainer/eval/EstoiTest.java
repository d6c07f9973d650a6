package org.percepnet4j.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EstoiTest {
    private final float[] clean = TestSignals.speechLike(48000, 3, 3);

    @Test
    void identicalSignalsScoreOne() {
        assertThat(Estoi.compute(clean, clean, 48000)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void moreNoiseMeansLowerScore() {
        float[] noise = TestSignals.whiteNoise(clean.length, 1, 4);
        double previous = 1.0;
        for (double snr : new double[] {20, 10, 5, 0, -5, -10}) {
            double d = Estoi.compute(clean, TestSignals.mix(clean, noise, snr), 48000);
            assertThat(d).as("%s dB", snr).isLessThan(previous);
            previous = d;
        }
        assertThat(previous).isLessThan(0.5);
    }

    @Test
    void theScoreDoesNotDependOnTheLevelOfTheProcessedSignal() {
        float[] noisy = TestSignals.mix(clean, TestSignals.whiteNoise(clean.length, 1, 5), 5);
        float[] louder = new float[noisy.length];
        for (int i = 0; i < noisy.length; i++) {
            louder[i] = 3 * noisy[i];
        }
        assertThat(Estoi.compute(clean, louder, 48000)).isCloseTo(Estoi.compute(clean, noisy, 48000), within(1e-6));
    }

    @Test
    void bandsAreOneThirdOctavesFrom150Hz() {
        int[][] e = Estoi.bandEdges();
        assertThat(e).hasNumberOfRows(15);
        assertThat(e[0][0] * 10000.0 / 512).isCloseTo(150 * Math.pow(2, -1 / 6.0), within(10000.0 / 1024));
        for (int j = 1; j < 15; j++) {
            assertThat(e[j][0]).isEqualTo(e[j - 1][1]);
        }
        assertThat(e[14][1] * 10000.0 / 512).isCloseTo(150 * Math.pow(2, 29 / 6.0), within(10000.0 / 1024));
    }

    @Test
    void tooShortSpeechIsRejected() {
        float[] shortClean = TestSignals.speechLike(48000, 0.2, 1);
        assertThatThrownBy(() -> Estoi.compute(shortClean, shortClean, 48000)).isInstanceOf(IllegalArgumentException.class);
    }
}
