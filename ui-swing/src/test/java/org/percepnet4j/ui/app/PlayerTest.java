package org.percepnet4j.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.Test;

class PlayerTest {

    private static AudioClip clip() {
        return new AudioClip(new float[2][4800], new AudioFormat(48000, 16, 2, true, false), AudioFileFormat.Type.WAVE);
    }

    @Test
    void withoutAnOutputDevicePlayingFailsWithAMessageInsteadOfCrashing() {
        assumeFalse(Player.outputAvailable(48000, 2), "this machine has an audio output; nothing to check");
        Player p = new Player();
        assertThatThrownBy(() -> p.play(clip(), null, 0, null, null))
                .isInstanceOf(LineUnavailableException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
        assertThat(p.playing()).isFalse();
        p.stop(); // harmless when nothing plays
    }

    @Test
    void theSourceCanBeSwitchedAtAnyTime() {
        Player p = new Player();
        assertThat(p.selected()).isEqualTo(Player.Source.ORIGINAL);
        p.select(Player.Source.PROCESSED);
        assertThat(p.selected()).isEqualTo(Player.Source.PROCESSED);
    }
}
