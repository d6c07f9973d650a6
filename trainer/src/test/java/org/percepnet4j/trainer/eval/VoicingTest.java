package org.percepnet4j.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VoicingTest {
    @Test
    void aSteadyHarmonicSoundIsVoicedAndSilenceIsNot() {
        float[] x = new float[48000];
        for (int i = 0; i < 24000; i++) {
            double s = 0;
            for (int k = 1; k <= 10; k++) {
                s += Math.sin(2 * Math.PI * 150 * k * i / 48000.0) / k;
            }
            x[i] = (float) (0.2 * s);
        }
        boolean[] v = Voicing.voicedSegments(x, 2);
        assertThat(v).hasSize(100);
        int voicedFirstHalf = 0, voicedSecondHalf = 0;
        for (int f = 5; f < 45; f++) {
            voicedFirstHalf += v[f] ? 1 : 0;
        }
        for (int f = 55; f < 100; f++) {
            voicedSecondHalf += v[f] ? 1 : 0;
        }
        assertThat(voicedFirstHalf).isGreaterThanOrEqualTo(38);
        assertThat(voicedSecondHalf).isZero();
    }
}
