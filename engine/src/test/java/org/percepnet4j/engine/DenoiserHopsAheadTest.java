package org.percepnet4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.percepnet4j.engine.nn.RandomWeights;

/**
 * {@link Denoiser#setHopsAhead} and {@link Denoiser#predictHops}: running the stages of later hops ahead, in
 * batches, and resizing the ring while hops are pending give exactly the output of {@link Denoiser#processHop}.
 */
class DenoiserHopsAheadTest {

    private static final GainModel NETWORK = RandomWeights.model(9, 24, 32, 32, new int[] {32}, 24, 16);
    private static final int HOPS = 60;

    private final float[][] input = withSilence(ProcessorTestSignals.noisyTones(2, 480 * HOPS, 48_000, 3));
    private final float[][] actual = new float[2][480 * HOPS];
    private final Denoiser ahead = new Denoiser(NETWORK, 2, 2);
    private int analysed;
    private int predicted;
    private int synthesised;

    @Test
    void stagesRunAheadInBatchesAndRingResizesKeepTheOutput() {
        Denoiser serial = new Denoiser(NETWORK, 2, 2);
        float[][] expected = new float[2][480 * HOPS];
        float[][] out = new float[2][480];
        for (int h = 0; h < HOPS; h++) {
            serial.processHop(hop(h), out);
            for (int c = 0; c < 2; c++) {
                System.arraycopy(out[c], 0, expected[c], 480 * h, 480);
            }
        }

        // Two ahead of synthesis in the default ring of two slots, then a larger ring with both pending.
        analyse(2);
        predict();
        ahead.setHopsAhead(7);
        for (int batch : new int[] {5, 1, 7, 3, 6, 2, 7, 7, 4, 7, 7, 2}) {
            synthesise(1);
            analyse(Math.min(batch, 7 - (analysed - synthesised)));
            predict();
        }
        ahead.setHopsAhead(analysed - synthesised); // shrinks with hops pending
        synthesise(analysed - synthesised);
        ahead.setHopsAhead(1);
        while (synthesised < HOPS) {
            analyse(1);
            ahead.predictHop();
            predicted++;
            synthesise(1);
        }
        assertThat(actual[0]).containsExactly(expected[0]);
        assertThat(actual[1]).containsExactly(expected[1]);
    }

    @Test
    void aRingTooSmallForThePendingHopsIsRefusedAndPredictionCannotOvertakeAnalysis() {
        Denoiser d = new Denoiser(NETWORK, 1, 2);
        d.setHopsAhead(4);
        float[][] silence = new float[1][480];
        for (int k = 0; k < 4; k++) {
            d.analyseHop(silence);
        }
        assertThatThrownBy(() -> d.setHopsAhead(2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("4 hops are analysed ahead");
        assertThatThrownBy(() -> d.predictHops(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 are analysed and waiting");
        assertThatThrownBy(() -> d.setHopsAhead(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Digital silence in hops 0–4 and 20–29. */
    private static float[][] withSilence(float[][] x) {
        for (float[] channel : x) {
            java.util.Arrays.fill(channel, 0, 480 * 5, 0f);
            java.util.Arrays.fill(channel, 480 * 20, 480 * 30, 0f);
        }
        return x;
    }

    private void analyse(int n) {
        for (int k = 0; k < n && analysed < HOPS; k++) {
            ahead.analyseHop(hop(analysed++));
        }
    }

    private void predict() {
        ahead.predictHops(analysed - predicted);
        predicted = analysed;
    }

    private void synthesise(int n) {
        float[][] out = new float[2][480];
        for (int k = 0; k < n; k++) {
            ahead.synthesiseHop(out);
            for (int c = 0; c < 2; c++) {
                System.arraycopy(out[c], 0, actual[c], 480 * synthesised, 480);
            }
            synthesised++;
        }
    }

    private float[][] hop(int h) {
        float[][] x = new float[2][480];
        for (int c = 0; c < 2; c++) {
            System.arraycopy(input[c], 480 * h, x[c], 0, 480);
        }
        return x;
    }
}
