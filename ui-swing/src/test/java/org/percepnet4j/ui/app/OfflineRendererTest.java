package org.percepnet4j.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.ui.ConstantGainModel;
import org.percepnet4j.ui.TestSignals;

class OfflineRendererTest {

    private static AudioClip clip(double rate, int channels, double seconds) {
        return new AudioClip(TestSignals.noisyVoice(rate, channels, seconds, 10, 3),
                new AudioFormat((float) rate, 16, channels, true, false), AudioFileFormat.Type.WAVE);
    }

    private static Map<Parameter, Double> transparent() {
        Map<Parameter, Double> s = new EnumMap<>(Parameter.class);
        s.put(Parameter.SUPPRESSION, 100.0);
        s.put(Parameter.POST_FILTER, 0.0);
        return s;
    }

    /** Lag (in samples, -max..max) where the output best matches the input. */
    private static int bestLag(float[] in, float[] out, int max) {
        int best = 0;
        double bestCorr = -Double.MAX_VALUE;
        for (int lag = -max; lag <= max; lag++) {
            double c = 0;
            for (int i = max; i < in.length - max; i++) {
                c += in[i] * out[i + lag];
            }
            if (c > bestCorr) {
                bestCorr = c;
                best = lag;
            }
        }
        return best;
    }

    @Test
    void resultHasTheInputLengthAndNoLatency() {
        AudioClip c = clip(48000, 2, 1.0);
        float[][] out = new OfflineRenderer(new ConstantGainModel(1f)).render(c, transparent(), f -> { }, () -> false, null);
        assertThat(out).hasNumberOfRows(2);
        assertThat(out[0]).hasSize(c.frames());
        assertThat(bestLag(c.samples()[0], out[0], 1200)).isZero();
        assertThat(bestLag(c.samples()[1], out[1], 1200)).isZero();
    }

    @Test
    void alignmentHoldsAtTheCdRateAndWithoutLookahead() {
        AudioClip c = clip(44100, 1, 1.0);
        Map<Parameter, Double> s = transparent();
        s.put(Parameter.LOOKAHEAD, 0.0);
        float[][] out = new OfflineRenderer(new ConstantGainModel(1f)).render(c, s, f -> { }, () -> false, null);
        assertThat(out[0]).hasSize(c.frames());
        assertThat(bestLag(c.samples()[0], out[0], 1200)).isZero();
    }

    @Test
    void progressRisesToOneAndCancelStops() {
        AudioClip c = clip(48000, 1, 1.0);
        double[] last = {0};
        new OfflineRenderer(new ConstantGainModel(0.5f)).render(c, transparent(), f -> {
            assertThat(f).isGreaterThanOrEqualTo(last[0]);
            last[0] = f;
        }, () -> false, null);
        assertThat(last[0]).isEqualTo(1.0);

        AtomicInteger blocks = new AtomicInteger();
        assertThatThrownBy(() -> new OfflineRenderer(new ConstantGainModel(0.5f)).render(c, transparent(),
                f -> blocks.incrementAndGet(), () -> blocks.get() >= 3, null))
                .isInstanceOf(CancellationException.class);
        assertThat(blocks.get()).isEqualTo(3);
    }

    @Test
    void theRenderingProcessorIsHandedOutForMeters() {
        AudioClip c = clip(48000, 1, 0.2);
        Object[] seen = {null};
        new OfflineRenderer(new ConstantGainModel(0.5f)).render(c, transparent(), f -> { }, () -> false,
                p -> seen[0] = p);
        assertThat(seen[0]).isNotNull();
    }
}
