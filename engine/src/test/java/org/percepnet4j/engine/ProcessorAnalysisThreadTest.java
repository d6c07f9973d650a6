package org.percepnet4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.percepnet4j.engine.ProcessorTestSignals.noisyTones;
import static org.percepnet4j.engine.ProcessorTestSignals.randomSizes;
import static org.percepnet4j.engine.ProcessorTestSignals.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.percepnet4j.engine.nn.RandomWeights;

/**
 * {@link Processor#setAnalysisThread}: the offline renderer's second thread changes when work is done, never
 * the result. Every case compares the whole output with the serial Processor's, bit for bit.
 */
class ProcessorAnalysisThreadTest {

    /** A small network with random weights: stateful, so any hop processed out of order would show. */
    private static final GainModel NETWORK = RandomWeights.model(5, 24, 32, 32, new int[] {32}, 24, 16);

    private static Processor processor(GainModel model, double rate, int channels, boolean dualMono, boolean thread) {
        Processor p = new Processor(model);
        p.setParameter(Parameter.DUAL_MONO, dualMono ? 1 : 0);
        p.prepare(rate, 1 << 14, channels);
        p.setAnalysisThread(thread);
        return p;
    }

    private static float[][] render(GainModel model, double rate, int channels, boolean dualMono, boolean thread,
            float[][] input, int[] sizes) {
        Processor p = processor(model, rate, channels, dualMono, thread);
        try {
            return run(p, input, sizes);
        } finally {
            p.setAnalysisThread(false);
        }
    }

    @ParameterizedTest(name = "{0} ch, dual mono {1}, blocks up to {2}")
    @CsvSource({"1, false, 4093", "2, false, 16381", "2, true, 5000", "3, false, 1500", "2, false, 700"})
    void outputIsBitIdenticalToSerialProcessing(int channels, boolean dualMono, int maxBlock) {
        float[][] input = noisyTones(channels, 48_000 * 2, 48_000, 11);
        int[] sizes = randomSizes(channels * 31L + maxBlock, 37, maxBlock);
        float[][] serial = render(NETWORK, 48_000, channels, dualMono, false, input, sizes);
        float[][] threaded = render(NETWORK, 48_000, channels, dualMono, true, input, sizes);
        for (int c = 0; c < channels; c++) {
            assertSameSamples(threaded[c], serial[c], "channel " + c);
        }
    }

    @Test
    void inPlaceBuffersGiveTheSameOutput() {
        float[][] input = noisyTones(2, 48_000 * 2, 48_000, 3);
        float[][] serial = render(NETWORK, 48_000, 2, false, false, input, new int[] {9001});
        Processor p = processor(NETWORK, 48_000, 2, false, true);
        float[][] buffer = new float[2][9001];
        float[][] out = new float[2][input[0].length];
        for (int pos = 0; pos < input[0].length; pos += 9001) {
            int n = Math.min(9001, input[0].length - pos);
            for (int c = 0; c < 2; c++) {
                System.arraycopy(input[c], pos, buffer[c], 0, n);
            }
            p.process(buffer, buffer, n); // the host's in and out are the same arrays
            for (int c = 0; c < 2; c++) {
                System.arraycopy(buffer[c], 0, out[c], pos, n);
            }
        }
        p.setAnalysisThread(false);
        assertSameSamples(out[0], serial[0], "left");
        assertSameSamples(out[1], serial[1], "right");
    }

    @Test
    void parameterChangesMidStreamAndOtherRatesStayIdentical() {
        for (double rate : new double[] {48_000, 44_100}) {
            float[][] input = noisyTones(2, (int) rate * 3, rate, 7);
            float[][][] outs = new float[2][][];
            for (int t = 0; t < 2; t++) {
                Processor p = processor(NETWORK, rate, 2, false, t == 1);
                float[][] out = new float[2][input[0].length];
                float[][] in = new float[2][6000];
                float[][] o = new float[2][6000];
                for (int pos = 0, k = 0; pos < input[0].length; pos += 6000, k++) {
                    int n = Math.min(6000, input[0].length - pos);
                    // look-ahead and dual mono changes reconfigure (fade, restart); the others are smoothed
                    p.setParameter(Parameter.LOOKAHEAD, k % 7 == 3 ? 0 : 20);
                    p.setParameter(Parameter.DUAL_MONO, k % 11 == 5 ? 1 : 0);
                    p.setParameter(Parameter.SUPPRESSION, 10 + 5 * (k % 4));
                    p.setParameter(Parameter.POST_FILTER, 25 * (k % 5));
                    for (int c = 0; c < 2; c++) {
                        System.arraycopy(input[c], pos, in[c], 0, n);
                    }
                    p.process(in, o, n);
                    for (int c = 0; c < 2; c++) {
                        System.arraycopy(o[c], 0, out[c], pos, n);
                    }
                    if (k == 9) {
                        p.reset();
                    }
                }
                p.setAnalysisThread(false);
                outs[t] = out;
            }
            assertSameSamples(outs[1][0], outs[0][0], rate + " Hz left");
            assertSameSamples(outs[1][1], outs[0][1], rate + " Hz right");
        }
    }

    @Test
    void switchingTheThreadOffAndOnMidStreamKeepsTheHopsDoneAhead() {
        float[][] input = noisyTones(2, 48_000 * 2, 48_000, 13);
        int block = 4000; // not a multiple of 480: hops done ahead are pending at most block ends
        float[][] serial = render(NETWORK, 48_000, 2, false, false, input, new int[] {block});
        Processor p = processor(NETWORK, 48_000, 2, false, true);
        float[][] out = new float[2][input[0].length];
        float[][] in = new float[2][block];
        float[][] o = new float[2][block];
        for (int pos = 0, k = 0; pos < input[0].length; pos += block, k++) {
            int n = Math.min(block, input[0].length - pos);
            p.setAnalysisThread(k % 3 != 2); // off every third block, with hops analysed ahead still queued
            for (int c = 0; c < 2; c++) {
                System.arraycopy(input[c], pos, in[c], 0, n);
            }
            p.process(in, o, n);
            for (int c = 0; c < 2; c++) {
                System.arraycopy(o[c], 0, out[c], pos, n);
            }
        }
        p.setAnalysisThread(false);
        assertSameSamples(out[0], serial[0], "left");
        assertSameSamples(out[1], serial[1], "right");
    }

    @Test
    void inputGivenAheadOfTheBlockKeepsTheOutputIdenticalThroughReconfigurations() {
        // The file renderer's pattern: each block comes with the start of the next one, so hops handed to the
        // thread can be pending across block ends, also when a look-ahead or dual-mono change then restarts.
        float[][] input = noisyTones(2, 48_000 * 4, 48_000, 17);
        int total = input[0].length;
        java.util.Random rng = new java.util.Random(5);
        int[] blockSizes = new int[400];
        int[] aheads = new int[400];
        for (int k = 0; k < blockSizes.length; k++) {
            blockSizes[k] = 1 + rng.nextInt(9000);
            aheads[k] = rng.nextInt(3) == 0 ? 0 : rng.nextInt(Processor.ANALYSIS_READ_AHEAD + 2000);
        }
        float[][][] outs = new float[2][][];
        for (int t = 0; t < 2; t++) {
            Processor p = processor(NETWORK, 48_000, 2, false, t == 1);
            float[][] out = new float[2][total];
            float[][] o = new float[2][9000];
            int pos = 0;
            for (int k = 0; pos < total; k++) {
                int n = Math.min(blockSizes[k % blockSizes.length], total - pos);
                int ahead = Math.min(aheads[k % aheads.length], total - pos - n);
                float[][] in = new float[2][n + ahead];
                for (int c = 0; c < 2; c++) {
                    System.arraycopy(input[c], pos, in[c], 0, n + ahead);
                }
                p.setParameter(Parameter.LOOKAHEAD, k % 13 == 6 ? 10 : 20);
                p.setParameter(Parameter.DUAL_MONO, k % 17 == 9 ? 1 : 0);
                p.process(in, o, n, ahead);
                for (int c = 0; c < 2; c++) {
                    System.arraycopy(o[c], 0, out[c], pos, n);
                }
                pos += n;
            }
            p.setAnalysisThread(false);
            outs[t] = out;
        }
        assertSameSamples(outs[1][0], outs[0][0], "left");
        assertSameSamples(outs[1][1], outs[0][1], "right");
    }

    @Test
    void meterPitchFollowsTheOutputFrameNotTheHopAnalysedAhead() {
        float[][] input = noisyTones(1, 48_000 * 2, 48_000, 5);
        Processor serial = processor(NETWORK, 48_000, 1, false, false);
        Processor threaded = processor(NETWORK, 48_000, 1, false, true);
        MeterSnapshot a = new MeterSnapshot();
        MeterSnapshot b = new MeterSnapshot();
        float[][] in = new float[1][4800];
        float[][] out = new float[1][4800];
        for (int pos = 0; pos + 4800 <= input[0].length; pos += 4800) {
            System.arraycopy(input[0], pos, in[0], 0, 4800);
            serial.process(in, out, 4800);
            threaded.process(in, out, 4800);
            serial.readMeters(a);
            threaded.readMeters(b);
            assertThat(b.pitchHz).isEqualTo(a.pitchHz);
            assertThat(b.voiced).isEqualTo(a.voiced);
            assertThat(b.bandGainDb).containsExactly(a.bandGainDb);
        }
        threaded.setAnalysisThread(false);
    }

    /** Bit-exact comparison that names the first differing sample (AssertJ's diff of long arrays is very slow). */
    private static void assertSameSamples(float[] actual, float[] expected, String what) {
        assertThat(actual.length).as(what + ": length").isEqualTo(expected.length);
        int first = java.util.Arrays.mismatch(actual, expected);
        assertThat(first).as("%s: first differing sample %d (%s instead of %s)", what, first,
                first < 0 ? "" : actual[first], first < 0 ? "" : expected[first]).isEqualTo(-1);
    }
}
