package org.percepnet4j.vst.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.engine.Processor;

/**
 * The reference for the real-host test: renders raw little-endian float32 interleaved audio through a
 * {@link Processor} offline, time-aligned with the input (latency removed, same length), with parameters given as
 * VST normalised values by name, exactly as a host would set them. Also compares two such files.
 *
 * <pre>
 *   render IN.f32 OUT.f32 CHANNELS RATE MODEL [name=normalised ...]   MODEL: a GainModel class or "default"
 *   compare A.f32 B.f32                                               prints max |a-b| and the RMS of a
 * </pre>
 */
public final class OfflineRender {

    private OfflineRender() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 6 && args[0].equals("render")) {
            render(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Double.parseDouble(args[4]),
                    args[5], java.util.Arrays.copyOfRange(args, 6, args.length));
        } else if (args.length == 3 && args[0].equals("compare")) {
            float[] a = read(Path.of(args[1]));
            float[] b = read(Path.of(args[2]));
            double max = a.length == b.length ? 0 : Double.POSITIVE_INFINITY;
            double energy = 0;
            for (int i = 0; i < Math.min(a.length, b.length); i++) {
                max = Math.max(max, Math.abs(a[i] - b[i]));
                energy += (double) a[i] * a[i];
            }
            System.out.printf(Locale.ROOT, "maxdiff=%.9g rms=%.9g samples=%d/%d%n", max,
                    Math.sqrt(energy / Math.max(1, a.length)), a.length, b.length);
        } else {
            System.err.println("usage: render IN OUT CHANNELS RATE MODEL [name=value ...] | compare A B");
            System.exit(2);
        }
    }

    static void render(Path in, Path out, int channels, double rate, String model, String[] settings)
            throws Exception {
        float[] interleaved = read(in);
        int frames = interleaved.length / channels;
        GainModel gainModel = model.equals("default")
                ? (GainModel) Class.forName("org.percepnet4j.models.Models").getMethod("loadDefault").invoke(null)
                : (GainModel) Class.forName(model).getDeclaredConstructor().newInstance();
        Processor processor = new Processor(gainModel);
        final int block = 1024;
        processor.prepare(rate, block, channels);
        for (String s : settings) {
            int eq = s.lastIndexOf('=');
            Parameter p = Parameter.byName(s.substring(0, eq));
            if (p == null) {
                throw new IllegalArgumentException("no parameter " + s.substring(0, eq));
            }
            // VST hosts pass normalised values as 32-bit floats: round the same way.
            processor.setParameter(p, p.fromNormalized((float) Double.parseDouble(s.substring(eq + 1))));
        }
        // Start from a clean state with the settings in place, as a host's resume does before audio flows.
        processor.reset();
        int latency = processor.latencySamples();
        float[][] x = new float[channels][block];
        float[][] y = new float[channels][block];
        float[] result = new float[frames * channels];
        for (int start = 0; start < frames + latency; start += block) {
            int n = Math.min(block, frames + latency - start);
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < n; i++) {
                    int f = start + i;
                    x[c][i] = f < frames ? interleaved[f * channels + c] : 0f;
                }
            }
            processor.process(x, y, n);
            for (int i = 0; i < n; i++) {
                int f = start + i - latency;
                if (f >= 0 && f < frames) {
                    for (int c = 0; c < channels; c++) {
                        result[f * channels + c] = y[c][i];
                    }
                }
            }
        }
        write(out, result);
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
