package org.percepnet4j.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
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
    void aDeviceThatDoesNotAnswerGivesAnErrorInsteadOfHangingAndItsLateLineIsClosed() throws Exception {
        CountDownLatch deviceAnswers = new CountDownLatch(1);
        AtomicBoolean closed = new AtomicBoolean();
        CountDownLatch closing = new CountDownLatch(1);
        SourceDataLine late = fakeLine(() -> {
            closed.set(true);
            closing.countDown();
        });
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> Player.openWithin(() -> {
            try {
                deviceAnswers.await(); // a driver call that blocks
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return late;
        }, 200, "48000 Hz, 2 ch"))
                .isInstanceOf(LineUnavailableException.class)
                .hasMessageContaining("did not open within 200 ms");
        assertThat((System.nanoTime() - t0) / 1e6).as("waited about the timeout, not for the device").isLessThan(5000);
        assertThat(closed).isFalse();
        deviceAnswers.countDown(); // the device finally answers: nobody plays that line, so it is closed
        assertThat(closing.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(closed).isTrue();
    }

    @Test
    void aLineThatOpensInTimeIsHandedOverOpen() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        SourceDataLine line = fakeLine(() -> closed.set(true));
        assertThat(Player.openWithin(() -> line, 5000, "48000 Hz, 2 ch")).isSameAs(line);
        assertThat(closed).isFalse();
    }

    @Test
    void aDriverErrorBecomesAReadableMessage() {
        assertThatThrownBy(() -> Player.openWithin(() -> {
            throw new IllegalArgumentException("No line matching interface SourceDataLine");
        }, 5000, "44100 Hz, 1 ch"))
                .isInstanceOf(LineUnavailableException.class)
                .hasMessage("no audio output device for 44100 Hz, 1 ch (No line matching interface SourceDataLine)");
    }

    /** A SourceDataLine that only reports close(); nothing else is called by openWithin. */
    private static SourceDataLine fakeLine(Runnable onClose) {
        return (SourceDataLine) Proxy.newProxyInstance(PlayerTest.class.getClassLoader(),
                new Class<?>[] {SourceDataLine.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        onClose.run();
                    }
                    return method.getName().equals("hashCode") ? 0 : null;
                });
    }

    @Test
    void theSourceCanBeSwitchedAtAnyTime() {
        Player p = new Player();
        assertThat(p.selected()).isEqualTo(Player.Source.ORIGINAL);
        p.select(Player.Source.PROCESSED);
        assertThat(p.selected()).isEqualTo(Player.Source.PROCESSED);
    }
}
