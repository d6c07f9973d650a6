package org.percepnet4j.vst.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.engine.Processor;
import org.percepnet4j.engine.ProcessorRender;
import org.percepnet4j.models.Models;

/**
 * The reference for the real-host test: renders raw little-endian float32 interleaved audio offline through the
 * engine's {@link ProcessorRender} (the aligned whole-file render the {@code percepnet} CLI uses: latency removed,
 * same length), with parameters given as VST normalised values by name, exactly as a host sets them (32-bit floats).
 *
 * <pre>
 *   render  IN.f32 OUT.f32 CHANNELS RATE MODEL [name=normalised ...]        MODEL: a GainModel class or "default"
 *   compare A.f32 B.f32                                                    prints max |a-b| and the RMS of a
 * </pre>
 */
public final class OfflineRender {

    private OfflineRender() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 6 && args[0].equals("render")) {
            int channels = Integer.parseInt(args[3]);
            float[] out = render(read(Path.of(args[1])), channels, Double.parseDouble(args[4]), args[5],
                    Arrays.copyOfRange(args, 6, args.length));
            write(Path.of(args[2]), out);
        } else if (args.length == 3 && args[0].equals("compare")) {
            System.out.println(compare(read(Path.of(args[1])), read(Path.of(args[2])), Integer.MAX_VALUE));
        } else {
            System.err.println("usage: render IN OUT CHANNELS RATE MODEL [name=value ...] | compare A B");
            System.exit(2);
        }
    }

    /** The processed file, aligned with the input, through the engine's {@link ProcessorRender} (as the CLI renders). */
    static float[] render(float[] interleaved, int channels, double rate, String model, String[] settings)
            throws Exception {
        int frames = interleaved.length / channels;
        GainModel gainModel = model.equals("default")
                ? Models.loadDefault()
                : (GainModel) Class.forName(model).getDeclaredConstructor().newInstance();
        Processor processor = new Processor(gainModel);
        processor.prepare(rate, 4096, channels); // block size is only a hint
        for (String s : settings) {
            int eq = s.lastIndexOf('=');
            Parameter p = Parameter.byName(s.substring(0, eq));
            if (p == null) {
                throw new IllegalArgumentException("no parameter " + s.substring(0, eq));
            }
            // VST hosts pass normalised values as 32-bit floats: round the same way.
            processor.setParameter(p, p.fromNormalized((float) Double.parseDouble(s.substring(eq + 1))));
        }
        float[][] planar = new float[channels][frames];
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                planar[c][f] = interleaved[f * channels + c];
            }
        }
        float[][] out = ProcessorRender.render(processor, planar);
        float[] result = new float[frames * channels];
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                result[f * channels + c] = out[c][f];
            }
        }
        return result;
    }

    static double maxDiff(float[] a, float[] b, int n) {
        double max = 0;
        for (int i = 0; i < Math.min(n, Math.min(a.length, b.length)); i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    static String compare(float[] a, float[] b, int n) {
        double max = a.length == b.length ? maxDiff(a, b, n) : Double.POSITIVE_INFINITY;
        double energy = 0;
        for (float v : a) {
            energy += (double) v * v;
        }
        return String.format(Locale.ROOT, "maxdiff=%.9g rms=%.9g samples=%d/%d", max,
                Math.sqrt(energy / Math.max(1, a.length)), a.length, b.length);
    }

    static float[] read(Path path) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        float[] x = new float[b.remaining() / 4];
        b.asFloatBuffer().get(x);
        return x;
    }

    static void write(Path path, float[] x) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(x.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(x);
        Files.write(path, b.array());
    }
}
