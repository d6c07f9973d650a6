package org.percepnet4j.models;

import java.util.Arrays;
import java.util.Random;
import org.percepnet4j.engine.Denoiser;
import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.GainPredictor;
import org.percepnet4j.engine.nn.NeuralGainModel;

/**
 * Cost of the default model per 10 ms hop, as the thread's CPU time (robust when other processes share the cores)
 * and as wall-clock time: the network alone, and the whole Denoiser hop (DSP + network) at
 * 48 kHz mono. Not a unit test; run after {@code mvn -q -o -pl models -am test-compile}:
 * <pre>
 * R=~/.m2/repository
 * java -cp engine/target/classes:models/target/classes:models/target/test-classes:$R/com/github/wendykierp/JTransforms/3.1/JTransforms-3.1.jar:$R/pl/edu/icm/JLargeArrays/1.5/JLargeArrays-1.5.jar:$R/org/apache/commons/commons-math3/3.5/commons-math3-3.5.jar \
 *   org.percepnet4j.models.DefaultModelBench [WEIGHTS.safetensors]
 * </pre>
 * With a weight file as the argument it measures that model instead of the default one.
 */
public final class DefaultModelBench {

    public static void main(String[] args) throws java.io.IOException {
        GainModel model = args.length > 0 ? Models.load(java.nio.file.Path.of(args[0])) : Models.loadDefault();
        for (int m = 0; m <= 2; m++) {
            NeuralGainModel network = (NeuralGainModel) model.forLookahead(m);
            System.out.println("M=" + m + ": " + network.name() + ": " + network.describe());
        }
        report("network only, M=2", network(model.forLookahead(2)));
        if (model.forLookahead(0) != model.forLookahead(2)) {
            report("network only, M=0", network(model.forLookahead(0)));
        }
        for (int m = 0; m <= 2; m++) {
            report("Denoiser hop, M=" + m, denoiser(model, m));
        }
    }

    private static void report(String what, double[] cpuWall) {
        System.out.printf("%-20s median CPU %6.1f us per hop (%.2f %% of one core), wall %6.1f us%n", what,
                cpuWall[0], cpuWall[0] / 100, cpuWall[1]);
    }

    static double[] network(GainModel model) {
        GainPredictor p = model.newPredictor();
        float[] f = new float[GainPredictor.FEATURES];
        float[] g = new float[GainPredictor.BANDS];
        float[] s = new float[GainPredictor.BANDS];
        Random rng = new Random(1);
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) rng.nextGaussian();
        }
        return median(() -> {
            f[3] += 1e-4f;
            p.predict(f, g, s);
        });
    }

    static double[] denoiser(GainModel model, int lookahead) {
        Denoiser d = new Denoiser(model, 1, 2);
        d.setLookahead(lookahead);
        // Two seconds of input made before timing (the sine and noise generators cost about a third of a hop):
        // a 150 Hz buzz in noise keeps the pitch tracker and comb filter busy.
        int hops = 200;
        float[][][] in = new float[hops][1][Denoiser.HOP];
        Random rng = new Random(2);
        for (int h = 0; h < hops; h++) {
            for (int i = 0; i < Denoiser.HOP; i++) {
                double t = (h * Denoiser.HOP + i) / 48000.0;
                in[h][0][i] = (float) (0.1 * Math.signum(Math.sin(2 * Math.PI * 150 * t)) + 0.02 * rng.nextGaussian());
            }
        }
        float[][] out = new float[1][Denoiser.HOP];
        int[] n = {0};
        return median(() -> {
            d.processHop(in[n[0]], out);
            n[0] = (n[0] + 1) % hops;
        });
    }

    /** {median CPU µs, median wall µs} per hop over 51 rounds of 200 hops, after 20,000 warm-up hops. */
    private static double[] median(Runnable hop) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            hop.run();
        }
        double[] cpu = new double[51];
        double[] wall = new double[51];
        for (int r = 0; r < cpu.length; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                hop.run();
            }
            wall[r] = (System.nanoTime() - t0) / 200.0 / 1000.0;
            cpu[r] = (mx.getCurrentThreadCpuTime() - c0) / 200.0 / 1000.0;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        return new double[] {cpu[cpu.length / 2], wall[wall.length / 2]};
    }
}
