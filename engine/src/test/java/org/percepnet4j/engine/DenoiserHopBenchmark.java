package org.percepnet4j.engine;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of {@link Denoiser#processHop} without the network: everything in the frame pipeline (STFT, bands,
 * pitch tracker, comb, features, post-filter, pitch mix, synthesis) with a constant-gain model that costs
 * nothing. Sample mode, so JMH reports the median (p0.50) time per hop. Command in /BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DenoiserHopBenchmark {
    private static final int HOPS = 200;

    @Param({"2"})
    public int lookahead;

    @Param({"1"})
    public int channels;

    private Denoiser denoiser;
    private float[][][] input;
    private float[][] out;
    private int hop;

    /** Stands in for the network: fixed gains and strengths, no work. */
    static final class ConstantGainModel implements GainModel {
        @Override
        public String name() {
            return "constant";
        }

        @Override
        public GainPredictor newPredictor() {
            return new GainPredictor() {
                @Override
                public void predict(float[] features, float[] gains, float[] strengths) {
                    Arrays.fill(gains, 0.5f);
                    Arrays.fill(strengths, 0.5f);
                }

                @Override
                public void reset() {
                }
            };
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        denoiser = new Denoiser(new ConstantGainModel(), channels, 2);
        denoiser.setLookahead(lookahead);
        denoiser.setPostFilterAmount(1f);
        // Voiced-like input in noise, so the pitch path does real work.
        Random rng = new Random(1);
        input = new float[HOPS][channels][Denoiser.HOP];
        for (int h = 0; h < HOPS; h++) {
            for (int c = 0; c < channels; c++) {
                for (int n = 0; n < Denoiser.HOP; n++) {
                    int t = h * Denoiser.HOP + n;
                    double f0 = 150 + 30 * Math.sin(t / 48000.0 * 2 * Math.PI);
                    input[h][c][n] = (float) (0.2 * Math.sin(2 * Math.PI * f0 * t / 48000.0) + 0.05 * rng.nextGaussian());
                }
            }
        }
        out = new float[channels][Denoiser.HOP];
    }

    @Benchmark
    public float processHop() {
        denoiser.processHop(input[hop], out);
        hop = (hop + 1) % HOPS;
        return out[0][0];
    }
}
