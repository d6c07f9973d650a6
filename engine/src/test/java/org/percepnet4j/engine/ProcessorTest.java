package org.percepnet4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.percepnet4j.engine.ProcessorTestSignals.bandLimitedPulse;
import static org.percepnet4j.engine.ProcessorTestSignals.noisyTones;
import static org.percepnet4j.engine.ProcessorTestSignals.randomSizes;
import static org.percepnet4j.engine.ProcessorTestSignals.run;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessorTest {

    static final double[] RATES = {8_000, 16_000, 22_050, 32_000, 44_100, 48_000, 88_200, 96_000, 176_400, 192_000};

    static Stream<Arguments> ratesAndLookaheads() {
        return java.util.stream.DoubleStream.of(RATES).boxed().flatMap(r -> Stream.of(
                Arguments.of(r, 0), Arguments.of(r, 10), Arguments.of(r, 20)));
    }

    private static Processor transparent(double rate, int channels, int lookaheadMs) {
        Processor p = new Processor(FixedGainModel.unity());
        p.setParameter(Parameter.LOOKAHEAD, lookaheadMs);
        p.setParameter(Parameter.POST_FILTER, 0);
        p.prepare(rate, 512, channels);
        return p;
    }

    @Test
    void latencyAt48kHzIsHopBufferingPlusDenoiserDelay() {
        for (int ms : new int[] {0, 10, 20}) {
            Processor p = transparent(48_000, 1, ms);
            assertThat(p.latencySamples()).as("look-ahead %d ms", ms).isEqualTo((2 + ms / 10) * 480);
        }
    }

    @Test
    void latencyChangesOnlyWithLookaheadAndRate() {
        Processor p = transparent(44_100, 2, 20);
        int l20 = p.latencySamples();
        p.setParameter(Parameter.OUTPUT_GAIN, 6);
        p.setParameter(Parameter.BYPASS, 1);
        p.setParameter(Parameter.DUAL_MONO, 1);
        p.setParameter(Parameter.SUPPRESSION, 10);
        assertThat(p.latencySamples()).isEqualTo(l20);
        p.setParameter(Parameter.LOOKAHEAD, 10);
        int l10 = p.latencySamples();
        assertThat(l10).isLessThan(l20).isEqualTo(p.latencySamplesForLookahead(10));
        assertThat(l20).isEqualTo(p.latencySamplesForLookahead(20));
        // a hop of look-ahead is 10 ms at the host rate, give or take the rounding to whole samples
        assertThat(l20 - l10).isBetween(440, 442);
        p.prepare(96_000, 64, 2);
        assertThat(p.latencySamples()).isGreaterThan(2 * l10);
    }

    @ParameterizedTest(name = "{0} Hz, look-ahead {1} ms")
    @MethodSource("ratesAndLookaheads")
    void aBandLimitedImpulseComesOutExactlyLatencySamplesLater(double rate, int lookaheadMs) {
        Processor p = transparent(rate, 1, lookaheadMs);
        int latency = p.latencySamples();
        int at = 2 * (int) (rate / 100) + 37; // two hops in, off any hop boundary
        int length = at + latency + (int) (rate / 20);
        double cutoff = Math.min(0.35 * rate, 16_000);
        float[] x = bandLimitedPulse(length, at, cutoff, rate, 0.5);
        float[] y = run(p, new float[][] {x}, randomSizes((long) rate + lookaheadMs, 97, 700))[0];

        int peak = 0;
        for (int n = 1; n < length; n++) {
            if (Math.abs(y[n]) > Math.abs(y[peak])) {
                peak = n;
            }
        }
        assertThat(peak).as("peak position").isEqualTo(at + latency);
        double inEnergy = 0;
        double outEnergy = 0;
        double error = 0;
        for (int n = 0; n < length; n++) {
            inEnergy += x[n] * x[n];
            outEnergy += y[n] * y[n];
            double ref = n >= latency ? x[n - latency] : 0;
            error += (y[n] - ref) * (y[n] - ref);
        }
        assertThat(outEnergy / inEnergy).as("energy ratio").isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
        // measured: -132 dB at 48 kHz (float rounding), -92..-96 dB through the resamplers (their 100 dB design)
        assertThat(10 * Math.log10(error / inEnergy)).as("error vs delayed input, dB").isLessThan(-85);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {44_101, 12_345.678, 8_000.5, 100_000})
    void oddRatesAlsoGetAnExactLatency(double rate) {
        aBandLimitedImpulseComesOutExactlyLatencySamplesLater(rate, 10);
    }

    @Test
    void randomConfigurationsBlocksAndAutomationNeverThrowAndStayBounded() {
        Random rng = new Random(2026);
        for (int trial = 0; trial < 6; trial++) {
            double rate = 8_000 + rng.nextDouble() * 184_000;
            int channels = 1 + rng.nextInt(8);
            Processor p = new Processor(new FixedGainModel(rng.nextFloat(), rng.nextFloat()));
            p.prepare(rate, 1 + rng.nextInt(2048), channels);
            float[][] x = noisyTones(channels, (int) (rate / 2), rate, trial);
            float[][] in = new float[channels][3000];
            float[][] out = new float[channels][3000];
            float peak = 0;
            int pos = 0;
            while (pos < x[0].length) {
                int n = Math.min(1 + rng.nextInt(3000), x[0].length - pos);
                Parameter q = Parameter.values()[rng.nextInt(Parameter.values().length)];
                p.setParameter(q, q.min() - 10 + rng.nextDouble() * (q.max() - q.min() + 20));
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(x[c], pos, in[c], 0, n);
                }
                p.process(in, out, n);
                for (int c = 0; c < channels; c++) {
                    for (int i = 0; i < n; i++) {
                        float v = out[c][i];
                        peak = Float.isFinite(v) ? Math.max(peak, Math.abs(v)) : Float.POSITIVE_INFINITY;
                    }
                }
                pos += n;
            }
            assertThat(peak).as("%s Hz, %d channels", rate, channels).isLessThanOrEqualTo(Processor.OUTPUT_CEILING)
                    .isGreaterThan(0f);
        }
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {44_100, 48_000, 22_050})
    void anyBlockPartitionGivesBitIdenticalOutput(double rate) {
        float[][] x = noisyTones(2, (int) (rate * 0.6), rate, 7);
        float[][] reference = null;
        int[][] partitions = {
            {x[0].length},                       // one huge block
            randomSizes(1, 500, 4096),            // host-sized blocks, changing every call
            randomSizes(2, 500, 7),               // tiny blocks
            {1},                                  // sample by sample
            {480, 1, 479, 65_536, 33},
        };
        for (int[] sizes : partitions) {
            Processor p = new Processor(new FixedGainModel(0.4f, 0.5f));
            p.prepare(rate, 4096, 2);
            float[][] y = run(p, x, sizes);
            if (reference == null) {
                reference = y;
            } else {
                assertThat(y[0]).isEqualTo(reference[0]);
                assertThat(y[1]).isEqualTo(reference[1]);
            }
        }
        assertThat(energy(reference[0])).isGreaterThan(0);
    }

    @Test
    void dualMonoIsAlsoPartitionIndependent() {
        float[][] x = noisyTones(3, 30_000, 44_100, 3);
        Processor a = new Processor(new FixedGainModel(0.5f, 0.3f));
        a.setParameter(Parameter.DUAL_MONO, 1);
        a.prepare(44_100, 1024, 3);
        Processor b = new Processor(new FixedGainModel(0.5f, 0.3f));
        b.setParameter(Parameter.DUAL_MONO, 1);
        b.prepare(44_100, 1024, 3);
        float[][] ya = run(a, x, randomSizes(5, 100, 1024));
        float[][] yb = run(b, x, new int[] {1, 2, 3});
        for (int c = 0; c < 3; c++) {
            assertThat(ya[c]).isEqualTo(yb[c]);
        }
        assertThat(energy(ya[2])).isGreaterThan(0);
    }

    @Test
    void dualMonoProcessesEachChannelOnItsOwn() {
        float[][] stereo = noisyTones(2, 40_000, 44_100, 21);
        for (int n = 0; n < 40_000; n++) {
            stereo[1][n] *= 0.1f; // a much quieter right channel (20 dB down)
        }
        Processor dual = new Processor(new EnergyGateModel());
        dual.setParameter(Parameter.DUAL_MONO, 1);
        dual.prepare(44_100, 512, 2);
        float[][] yDual = run(dual, stereo, new int[] {512});
        Processor mono = new Processor(new EnergyGateModel());
        mono.prepare(44_100, 512, 1);
        float[] yRightAlone = run(mono, new float[][] {stereo[1]}, new int[] {512})[0];
        assertThat(maxAbsDifference(yDual[1], yRightAlone))
                .as("right channel, dual mono vs the right channel through a mono processor").isZero();

        Processor linked = new Processor(new EnergyGateModel());
        linked.prepare(44_100, 512, 2);
        float[][] yLinked = run(linked, stereo, new int[] {512});
        assertThat(maxAbsDifference(yLinked[1], yRightAlone))
                .as("linked: the loud left channel changes the right channel's gains").isGreaterThan(1e-3);
    }

    @Test
    void linkedChannelsShareTheirGainsSoTheImageStaysPut() {
        float[][] x = noisyTones(1, 40_000, 48_000, 22);
        float[][] stereo = {x[0], new float[40_000]};
        for (int n = 0; n < 40_000; n++) {
            stereo[1][n] = 0.25f * x[0][n]; // panned left: right is the same signal 12 dB down
        }
        Processor p = new Processor(new EnergyGateModel());
        p.prepare(48_000, 512, 2);
        float[][] y = run(p, stereo, new int[] {512});
        double err = 0;
        double sig = 0;
        for (int n = 5_000; n < 40_000; n++) {
            double d = y[1][n] - 0.25 * y[0][n];
            err += d * d;
            sig += y[1][n] * y[1][n];
        }
        assertThat(sig).isGreaterThan(0);
        assertThat(10 * Math.log10(err / sig)).as("right - 0.25 * left, dB").isLessThan(-80);
    }

    @Test
    void resetThenTheSameInputGivesTheSameOutput() {
        float[][] x = noisyTones(2, 40_000, 44_100, 11);
        Processor p = new Processor(new FixedGainModel(0.6f, 0.2f));
        p.prepare(44_100, 256, 2);
        float[][] first = run(p, x, randomSizes(3, 50, 256));
        p.reset();
        float[][] second = run(p, x, randomSizes(4, 50, 256));
        Processor fresh = new Processor(new FixedGainModel(0.6f, 0.2f));
        fresh.prepare(44_100, 256, 2);
        float[][] third = run(fresh, x, new int[] {256});
        for (int c = 0; c < 2; c++) {
            assertThat(second[c]).isEqualTo(first[c]);
            assertThat(third[c]).isEqualTo(first[c]);
        }
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {48_000, 44_100, 16_000})
    void parameterSweepsAtAudioRateProduceNoStepsBeyondTheSignalsOwnSlope(double rate) {
        // A 200 Hz sine of amplitude 0.2 at up to +12 dB output gain moves at most 0.8 * 2 pi 200 / rate per
        // sample. Parameter changes may add at most CLICK_BOUND on top: a click would be ten times that.
        final double clickBound = 0.01;
        int channels = 2;
        int length = (int) (rate * 3);
        float[][] x = new float[channels][length];
        for (int c = 0; c < channels; c++) {
            for (int n = 0; n < length; n++) {
                x[c][n] = (float) (0.2 * Math.sin(2 * Math.PI * 200 * n / rate));
            }
        }
        Processor p = new Processor(new FixedGainModel(0.5f, 0f));
        p.prepare(rate, 256, channels);
        Random rng = new Random(42);
        float[][] inBlock = new float[channels][256];
        float[][] outBlock = new float[channels][256];
        float[] previous = new float[channels];
        double maxStep = 0;
        int pos = 0;
        while (pos < length) {
            int n = Math.min(1 + rng.nextInt(256), length - pos);
            Parameter q = Parameter.values()[rng.nextInt(Parameter.values().length)];
            p.setParameter(q, q.min() + rng.nextDouble() * (q.max() - q.min()));
            for (int c = 0; c < channels; c++) {
                System.arraycopy(x[c], pos, inBlock[c], 0, n);
            }
            p.process(inBlock, outBlock, n);
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < n; i++) {
                    maxStep = Math.max(maxStep, Math.abs(outBlock[c][i] - previous[c]));
                    previous[c] = outBlock[c][i];
                }
            }
            pos += n;
        }
        double signalSlope = 0.8 * 2 * Math.PI * 200 / rate;
        assertThat(maxStep).isLessThan(signalSlope + clickBound);
    }

    @Test
    void bypassIsTheLatencyAlignedInputAndListenIsWhatWasRemoved() {
        double rate = 44_100;
        float[][] x = noisyTones(1, 30_000, rate, 9);
        Processor bypassed = new Processor(new FixedGainModel(0.25f, 0f));
        bypassed.setParameter(Parameter.BYPASS, 1);
        bypassed.prepare(rate, 512, 1);
        int latency = bypassed.latencySamples();
        float[] yb = run(bypassed, x, new int[] {300})[0];
        for (int n = 0; n < x[0].length; n++) {
            assertThat(yb[n]).isEqualTo(n >= latency ? x[0][n - latency] : 0f);
        }

        Processor wet = new Processor(new FixedGainModel(0.25f, 0f));
        wet.prepare(rate, 512, 1);
        float[] yw = run(wet, x, new int[] {300})[0];
        Processor removed = new Processor(new FixedGainModel(0.25f, 0f));
        removed.setParameter(Parameter.LISTEN_NOISE, 1);
        removed.prepare(rate, 512, 1);
        float[] yr = run(removed, x, new int[] {300})[0];
        for (int n = latency; n < x[0].length; n++) {
            assertThat((double) yr[n]).isCloseTo(x[0][n - latency] - yw[n], org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(energy(yr)).isGreaterThan(energy(yw)); // gains of 0.25 remove more than they keep
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {48_000, 44_100, 8_000, 192_000})
    void hostileInputGivesFiniteBoundedOutput(double rate) {
        int length = (int) (rate * 1.2);
        float[][] x = new float[2][length];
        int seg = length / 6;
        for (int n = 0; n < length; n++) {
            float v;
            switch (n / seg) {
                case 0 -> v = n % 7 == 0 ? Float.NaN : (n % 11 == 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY);
                case 1 -> v = Float.MIN_VALUE * (n % 5);                              // denormals
                case 2 -> v = ((int) (n * 100 / rate) % 2 == 0) ? 1f : -1f;            // full-scale square, 50 Hz
                case 3 -> v = 1f;                                                     // full-scale DC
                case 4 -> v = n % 2 == 0 ? 3e38f : -3e38f;                            // absurd but finite
                default -> v = (float) (0.5 * Math.sin(n * 0.01));
            }
            x[0][n] = v;
            x[1][n] = -v;
        }
        Processor p = new Processor(FixedGainModel.unity());
        p.setParameter(Parameter.OUTPUT_GAIN, 12);
        p.prepare(rate, 1000, 2);
        float[][] y = run(p, x, randomSizes(8, 64, 1000));
        for (float[] ch : y) {
            for (float v : ch) {
                assertThat(Float.isFinite(v)).isTrue();
                assertThat(Math.abs(v)).isLessThanOrEqualTo(Processor.OUTPUT_CEILING);
            }
        }
        assertThat(p.nonFiniteInputSamples()).isGreaterThan(0);
        assertThat(energy(y[0])).isGreaterThan(0);
    }

    @Test
    void nonFiniteInputIsTreatedAsSilence() {
        float[][] clean = noisyTones(1, 20_000, 48_000, 5);
        float[][] dirty = {clean[0].clone()};
        for (int n = 1000; n < 3000; n++) {
            clean[0][n] = 0f;
            dirty[0][n] = n % 2 == 0 ? Float.NaN : Float.NEGATIVE_INFINITY;
        }
        Processor a = new Processor(new FixedGainModel(0.7f, 0.1f));
        a.prepare(48_000, 128, 1);
        Processor b = new Processor(new FixedGainModel(0.7f, 0.1f));
        b.prepare(48_000, 128, 1);
        assertThat(run(a, dirty, new int[] {128})[0]).isEqualTo(run(b, clean, new int[] {128})[0]);
        assertThat(a.nonFiniteInputSamples()).isEqualTo(2000);
    }

    @Test
    void fullScaleMaterialPassesTheLimiterUntouchedAndHotterMaterialIsHeldAtTheCeiling() {
        Processor p = new Processor(FixedGainModel.unity());
        p.setParameter(Parameter.BYPASS, 1);
        p.prepare(48_000, 512, 1);
        int latency = p.latencySamples();
        float[] x = new float[20_000];
        for (int n = 0; n < x.length; n++) {
            x[n] = (float) (0.99 * Math.sin(n * 0.05));
        }
        float[] y = run(p, new float[][] {x}, new int[] {512})[0];
        for (int n = latency; n < x.length; n++) {
            assertThat(y[n]).isEqualTo(x[n - latency]);
        }
        p.setParameter(Parameter.OUTPUT_GAIN, 12);
        p.setParameter(Parameter.BYPASS, 0);
        p.reset();
        y = run(p, new float[][] {x}, new int[] {512})[0];
        double peak = 0;
        for (int n = latency + 2000; n < x.length; n++) {
            peak = Math.max(peak, Math.abs(y[n]));
        }
        assertThat(peak).isLessThanOrEqualTo(1.0).isGreaterThan(0.9);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {48_000, 44_100})
    void processDoesNotAllocateAfterWarmUp(double rate) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        Processor p = new Processor(new FixedGainModel(0.5f, 0.5f));
        p.prepare(rate, 512, 2);
        float[][] buf = noisyTones(2, 512, rate, 1);
        float[][] out = new float[2][512];
        int[] sizes = randomSizes(6, 10_000, 128);
        MeterSnapshot meters = new MeterSnapshot();
        Parameter[] params = Parameter.values();
        double[] values = {10, 50, 0, -6, 1, 1, 1, 30, 20, 20, 3, 0, 0, 0};
        // Warm-up: repeat the same rounds until two in a row allocate nothing. While the JIT settles, the
        // runtime allocates a few bytes now and then on this thread (72 bytes here and there in the first
        // rounds, measured with -XX:+PrintCompilation beside it; none under -Xint, so not our code).
        threads.getThreadAllocatedBytes(id);
        int clean = 0;
        for (int warm = 0; warm < 10 && clean < 2; warm++) {
            long b = threads.getThreadAllocatedBytes(id);
            runCalls(p, buf, out, sizes, meters, params, values);
            clean = threads.getThreadAllocatedBytes(id) == b ? clean + 1 : 0;
        }
        long before = threads.getThreadAllocatedBytes(id);
        runCalls(p, buf, out, sizes, meters, params, values);
        long after = threads.getThreadAllocatedBytes(id);
        // A per-call allocation would cost at least 16 bytes x 10,000 calls = 160 kB; the JIT's own one-off
        // allocations on this thread (72 bytes at a time, seen even after a clean warm-up on a loaded machine)
        // stay far below the bound.
        assertThat(after - before).as("bytes allocated by 10,000 process calls").isLessThanOrEqualTo(256);
    }

    /** One round: every parameter changed twice (look-ahead and dual mono included: the fade paths). */
    private static void runCalls(Processor p, float[][] in, float[][] out, int[] sizes, MeterSnapshot meters,
                                 Parameter[] params, double[] values) {
        int every = sizes.length / values.length + 1;
        for (int i = 0; i < sizes.length; i++) {
            if (i % every == 0) {
                int k = i / every;
                p.setParameter(params[k % params.length], values[k]);
            }
            p.process(in, out, sizes[i]);
            if (i % 50 == 0) {
                p.readMeters(meters);
            }
        }
    }

    @Test
    void parametersSetBetweenPrepareAndFirstProcessApplyAtOnce() {
        float[][] in = noisyTones(1, 4800, 48000, 3);
        Processor set = new Processor(new FixedGainModel(0.5f, 0.3f));
        set.prepare(48000, 4800, 1);
        set.setParameter(Parameter.OUTPUT_GAIN, -12);
        Processor preset = new Processor(new FixedGainModel(0.5f, 0.3f));
        preset.setParameter(Parameter.OUTPUT_GAIN, -12);
        preset.prepare(48000, 4800, 1);
        float[][] a = new float[1][4800];
        float[][] b = new float[1][4800];
        set.process(in, a, 4800);
        preset.process(in, b, 4800);
        assertThat(a[0]).containsExactly(b[0]);
    }

    @Test
    void invalidPrepareArgumentsAreRejectedWithAClearMessage() {
        Processor p = new Processor(FixedGainModel.unity());
        for (double bad : new double[] {0, 7_999, 192_001, Double.NaN, Double.POSITIVE_INFINITY, -48_000}) {
            assertThatThrownBy(() -> p.prepare(bad, 512, 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sample rate").hasMessageContaining("8000 to 192000");
        }
        for (int bad : new int[] {0, -1, Processor.MAX_BLOCK_SIZE + 1}) {
            assertThatThrownBy(() -> p.prepare(48_000, bad, 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxBlockSize");
        }
        for (int bad : new int[] {0, 9, -2}) {
            assertThatThrownBy(() -> p.prepare(48_000, 512, bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("channels").hasMessageContaining("1 to 8");
        }
        assertThatThrownBy(() -> new Processor(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void oddCallsNeverThrowAndFollowTheDocumentedRules() {
        Processor unprepared = new Processor(FixedGainModel.unity());
        float[][] junk = {{1, 2, 3}, {4, 5, 6}};
        unprepared.process(junk, junk, 3);
        assertThat(junk[0]).containsOnly(0f);

        float[][] x = noisyTones(2, 20_000, 48_000, 2);
        Processor reference = new Processor(FixedGainModel.unity());
        reference.prepare(48_000, 64, 2);
        float[][] expected = run(reference, x, new int[] {64});

        Processor p = new Processor(FixedGainModel.unity());
        p.prepare(48_000, 64, 2);
        float[][] out = new float[2][20_000];
        p.process(x, out, 20_000); // far beyond maxBlockSize: processed normally
        assertThat(out[0]).isEqualTo(expected[0]);
        assertThat(out[1]).isEqualTo(expected[1]);

        p.process(null, null, 100);
        p.process(new float[0][], new float[0][], 100);
        p.process(x, out, -5);
        p.process(new float[][] {new float[10]}, new float[][] {new float[10], null}, 10);  // missing channels
        p.process(new float[][] {new float[10], new float[3]}, new float[][] {new float[10], new float[10]}, 10);
        float[][] three = {new float[8], new float[8], new float[8]};
        three[2][0] = 42;
        p.process(three, three, 8);
        assertThat(three[2][0]).as("an extra channel is left alone").isEqualTo(42f);
    }

    @Test
    void inPlaceProcessingMatchesSeparateBuffers() {
        float[][] x = noisyTones(2, 10_000, 44_100, 4);
        Processor a = new Processor(new FixedGainModel(0.5f, 0.5f));
        a.prepare(44_100, 100, 2);
        float[][] separate = run(a, x, new int[] {100});
        Processor b = new Processor(new FixedGainModel(0.5f, 0.5f));
        b.prepare(44_100, 100, 2);
        float[][] buf = {x[0].clone(), x[1].clone()};
        for (int pos = 0; pos < 10_000; pos += 100) {
            float[][] block = {java.util.Arrays.copyOfRange(buf[0], pos, pos + 100),
                java.util.Arrays.copyOfRange(buf[1], pos, pos + 100)};
            b.process(block, block, 100);
            System.arraycopy(block[0], 0, buf[0], pos, 100);
            System.arraycopy(block[1], 0, buf[1], pos, 100);
        }
        assertThat(buf[0]).isEqualTo(separate[0]);
        assertThat(buf[1]).isEqualTo(separate[1]);
    }

    @Test
    void parametersAreSanitisedAndReadBack() {
        Processor p = new Processor(FixedGainModel.unity());
        for (Parameter q : Parameter.values()) {
            assertThat(p.getParameter(q)).isEqualTo(q.defaultValue());
        }
        p.setParameter(Parameter.SUPPRESSION, 1e9);
        p.setParameter(Parameter.LOOKAHEAD, 13);
        p.setParameter(Parameter.OUTPUT_GAIN, Double.NaN);
        assertThat(p.getParameter(Parameter.SUPPRESSION)).isEqualTo(100);
        assertThat(p.getParameter(Parameter.LOOKAHEAD)).isEqualTo(10);
        assertThat(p.getParameter(Parameter.OUTPUT_GAIN)).isEqualTo(Parameter.OUTPUT_GAIN.defaultValue());
    }

    @Test
    void lookaheadChangeFadesToTheNewLatencyWithoutAllocatingOrClicking() {
        double rate = 48_000;
        Processor p = transparent(rate, 1, 20);
        float[] x = new float[48_000];
        for (int n = 0; n < x.length; n++) {
            x[n] = (float) (0.3 * Math.sin(2 * Math.PI * 300 * n / rate));
        }
        float[][] in = {java.util.Arrays.copyOfRange(x, 0, 12_000)};
        float[][] out = new float[1][12_000];
        p.process(in, out, 12_000);
        p.setParameter(Parameter.LOOKAHEAD, 0);
        assertThat(p.latencySamples()).isEqualTo(960);
        float[][] in2 = {java.util.Arrays.copyOfRange(x, 12_000, 48_000)};
        float[][] out2 = new float[1][36_000];
        p.process(in2, out2, 36_000);
        // settled: the output is the input 960 samples earlier
        for (int n = 20_000; n < 36_000; n++) {
            assertThat((double) out2[0][n]).isCloseTo(x[12_000 + n - 960], org.assertj.core.data.Offset.offset(1e-3));
        }
        double maxStep = 0;
        for (int n = 1; n < 36_000; n++) {
            maxStep = Math.max(maxStep, Math.abs(out2[0][n] - out2[0][n - 1]));
        }
        assertThat(maxStep).isLessThan(0.3 * 2 * Math.PI * 300 / rate + 0.01);
    }

    @Test
    void aLookaheadChangeUndoneBeforeTheSwitchOnlyDipsAndKeepsTheState() {
        Processor p = transparent(48_000, 1, 20);
        float[] x = new float[30_000];
        for (int n = 0; n < x.length; n++) {
            x[n] = (float) (0.3 * Math.sin(2 * Math.PI * 300 * n / 48_000));
        }
        float[][] out = new float[1][x.length];
        p.process(new float[][] {java.util.Arrays.copyOfRange(x, 0, 10_000)}, out, 10_000);
        p.setParameter(Parameter.LOOKAHEAD, 0);
        float[][] mid = new float[1][100];
        p.process(new float[][] {java.util.Arrays.copyOfRange(x, 10_000, 10_100)}, mid, 100); // fade under way
        p.setParameter(Parameter.LOOKAHEAD, 20);
        float[][] rest = new float[1][19_900];
        p.process(new float[][] {java.util.Arrays.copyOfRange(x, 10_100, 30_000)}, rest, 19_900);
        // no restart: from 2000 samples on (the fade back), the output is the input 1920 samples earlier
        for (int n = 2000; n < 19_900; n++) {
            assertThat((double) rest[0][n]).isCloseTo(x[10_100 + n - 1920], org.assertj.core.data.Offset.offset(1e-3));
        }
        assertThat(Math.abs(rest[0][0])).isLessThan(0.3f);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aLookaheadChangeSwitchesToTheNetworkTrainedForIt(boolean dualMono) {
        // element M runs at look-ahead M: 0 ms removes 20 dB, 10 and 20 ms pass everything
        GainModel family = new LookaheadModels("family", List.of(new FixedGainModel(0.1f, 0f), FixedGainModel.unity()));
        Processor p = new Processor(family);
        p.setParameter(Parameter.LOOKAHEAD, 20);
        p.setParameter(Parameter.POST_FILTER, 0);
        p.setParameter(Parameter.DUAL_MONO, dualMono ? 1 : 0);
        p.prepare(44_100, 256, 2);
        float[] x = TestSignals.whiteNoise(44_100, 0.1, 3);
        float[][] in = {x, x.clone()};
        double[] ratio = new double[3];
        int lookaheadMs = 20;
        for (int pass = 0; pass < 3; pass++) {
            float[][] out = new float[2][x.length];
            for (int from = 0; from < x.length; from += 256) {
                int n = Math.min(256, x.length - from);
                float[][] a = {java.util.Arrays.copyOfRange(in[0], from, from + n), java.util.Arrays.copyOfRange(in[1], from, from + n)};
                float[][] o = new float[2][n];
                p.process(a, o, n);
                System.arraycopy(o[0], 0, out[0], from, n);
                System.arraycopy(o[1], 0, out[1], from, n);
            }
            ratio[pass] = TestSignals.rms(out[1], 22_050, 44_100) / TestSignals.rms(x, 22_050, 44_100);
            lookaheadMs = lookaheadMs == 20 ? 0 : 20;
            p.setParameter(Parameter.LOOKAHEAD, lookaheadMs);
        }
        assertThat(ratio[0]).as("20 ms").isCloseTo(1.0, within(0.03));
        assertThat(ratio[1]).as("0 ms").isCloseTo(0.1, within(0.01));
        assertThat(ratio[2]).as("back to 20 ms").isCloseTo(1.0, within(0.03));
    }

    @Test
    void metersReportLevelsLatencyAndCountHops() {
        Processor p = new Processor(new FixedGainModel(0.1f, 0f));
        p.setParameter(Parameter.SUPPRESSION, 100);
        p.setParameter(Parameter.POST_FILTER, 0);
        p.prepare(48_000, 480, 1);
        MeterSnapshot m = new MeterSnapshot();
        p.readMeters(m);
        assertThat(m.sequence).isZero();
        assertThat(m.latencyMs).isEqualTo(40f);
        float[][] x = noisyTones(1, 48_000, 48_000, 3);
        run(p, x, new int[] {480});
        p.readMeters(m);
        assertThat(m.sequence).isEqualTo(100);
        double rms = Math.sqrt(energy(x[0]) / x[0].length);
        assertThat((double) m.inputDb).isCloseTo(20 * Math.log10(rms), org.assertj.core.data.Offset.offset(1.0));
        // the model keeps 10 % of the amplitude: 20 dB less
        assertThat((double) m.gainReductionDb).isCloseTo(20, org.assertj.core.data.Offset.offset(1.5));
        assertThat((double) m.outputDb).isCloseTo(m.inputDb - 20, org.assertj.core.data.Offset.offset(1.5));
        p.reset();
        p.readMeters(m);
        assertThat(m.sequence).isZero();
    }

    private static double maxAbsDifference(float[] a, float[] b) {
        double max = 0;
        for (int n = 0; n < a.length; n++) {
            max = Math.max(max, Math.abs(a[n] - b[n]));
        }
        return max;
    }

    private static double energy(float[] x) {
        double e = 0;
        for (float v : x) {
            e += v * v;
        }
        return e;
    }
}
