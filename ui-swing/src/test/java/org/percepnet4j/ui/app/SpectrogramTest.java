package org.percepnet4j.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;

class SpectrogramTest {

    @Test
    void aToneShowsUpAtItsFrequencyOnTheLogAxis() {
        int n = 48000;
        float[][] s = new float[1][n];
        for (int i = 0; i < n; i++) {
            s[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 48000.0));
        }
        AudioClip c = new AudioClip(s, new AudioFormat(48000, 16, 1, true, false), AudioFileFormat.Type.WAVE);
        Spectrogram sp = Spectrogram.compute(c, 20, 200);
        int loudest = 0;
        for (int r = 0; r < sp.rows(); r++) {
            if (sp.db(10, r) > sp.db(10, loudest)) {
                loudest = r;
            }
        }
        assertThat(Spectrogram.rowToHz(loudest, 200, 48000)).isCloseTo(1000, within(60.0));
        assertThat(sp.db(10, loudest)).isCloseTo(-6f, within(1.5f)); // amplitude 0.5
        assertThat(sp.db(10, 10)).isLessThan(-60f); // far above the tone
        assertThat(sp.toImage().getWidth()).isEqualTo(20);
    }

    @Test
    void silenceIsTheFloorColour() {
        AudioClip c = new AudioClip(new float[2][4800], new AudioFormat(48000, 16, 2, true, false),
                AudioFileFormat.Type.WAVE);
        Spectrogram sp = Spectrogram.compute(c, 5, 10);
        assertThat(sp.db(2, 5)).isEqualTo(Spectrogram.FLOOR_DB);
        assertThat(sp.toImage().getRGB(2, 5) & 0xffffff).isEqualTo(Spectrogram.colour(0));
    }
}
