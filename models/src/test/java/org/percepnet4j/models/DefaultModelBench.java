package org.percepnet4j.models;

import java.util.Arrays;
import java.util.Random;
import org.percepnet4j.engine.Denoiser;
import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.GainPredictor;
import org.percepnet4j.engine.nn.NeuralGainModel;

/**
 * Cost of the default model per 10 ms hop: the network alone, and the whole Denoiser hop (DSP + network) at
 * 48 kHz mono. Not a unit test; run after {@code mvn -q -o -pl models -am test-compile}:
 * <pre>
 * java -cp engine/target/classes:models/target/classes:models/target/test-classes org.percepnet4j.models.DefaultModelBench
 * </pre>
 */
public final class DefaultModelBench {

    public static void main(String[] args) {
        NeuralGainModel model = Models.loadDefault();
        System.out.println(model.name() + ": " + model.describe());
        double net = network(model);
        System.out.printf("network only:          median %6.1f us per hop (%.2f %% of one core)%n", net, net / 100);
        for (int m = 0; m <= 2; m++) {
            double hop = denoiser(model, m);
            System.out.printf("Denoiser hop, M=%d:     median %6.1f us per hop (%.2f %% of one core)%n", m, hop, hop / 100);
        }
    }

    static double network(NeuralGainModel model) {
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

    static double denoiser(GainModel model, int lookahead) {
        Denoiser d = new Denoiser(model, 1, 2);
        d.setLookahead(lookahead);
        float[][] in = new float[1][Denoiser.HOP];
        float[][] out = new float[1][Denoiser.HOP];
        Random rng = new Random(2);
        long[] n = {0};
        return median(() -> {
            for (int i = 0; i < Denoiser.HOP; i++) {
                // a 150 Hz buzz in noise keeps the pitch tracker and comb filter busy
                double t = (n[0]++) / 48000.0;
                in[0][i] = (float) (0.1 * Math.signum(Math.sin(2 * Math.PI * 150 * t)) + 0.02 * rng.nextGaussian());
            }
            d.processHop(in, out);
        });
    }

    private static double median(Runnable hop) {
        for (int i = 0; i < 20_000; i++) {
            hop.run();
        }
        double[] us = new double[51];
        for (int r = 0; r < us.length; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                hop.run();
            }
            us[r] = (System.nanoTime() - t0) / 200.0 / 1000.0;
        }
        Arrays.sort(us);
        return us[us.length / 2];
    }
}
