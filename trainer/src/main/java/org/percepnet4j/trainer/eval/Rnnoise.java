package org.percepnet4j.trainer.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * RNNoise (Xiph; Debian's librnnoise0 0.2) as a baseline row of the evaluation table. It runs as a separate process,
 * {@code trainer/tools/rnnoise/rnnoise_driver.c}, built by {@code trainer/tools/rnnoise/build.sh} into
 * {@link #DEFAULT_DRIVER}: raw 48 kHz mono float32 in, the same length out, aligned with the input.
 */
public final class Rnnoise {
    /** Where {@code build.sh} puts the driver, relative to the repository root. */
    public static final String DEFAULT_DRIVER = "trainer/target/rnnoise/rnnoise-driver";
    private static final long TIMEOUT_SECONDS = 120;

    private Rnnoise() {
    }

    /** The evaluation row "rnnoise": each example's noisy input through the driver. */
    public static Evaluation.Enhancer enhancer(Path driver) {
        if (!Files.isExecutable(driver)) {
            throw new IllegalArgumentException("RNNoise driver " + driver + " is missing or not executable; build it"
                    + " with trainer/tools/rnnoise/build.sh");
        }
        return new Evaluation.Enhancer("rnnoise", e -> {
            try {
                return denoise(driver, e.noisy());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    /** Runs the driver on one clip (48 kHz mono, full scale 1.0); the result is aligned with the input. */
    public static float[] denoise(Path driver, float[] input) throws IOException {
        Path in = Files.createTempFile("rnnoise-in", ".f32");
        Path out = Files.createTempFile("rnnoise-out", ".f32");
        Path err = Files.createTempFile("rnnoise-err", ".txt");
        try {
            ByteBuffer b = ByteBuffer.allocate(input.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(input);
            Files.write(in, b.array());
            // Files rather than pipes: no deadlock whatever the driver reads or writes first.
            Process p = new ProcessBuilder(driver.toAbsolutePath().toString())
                    .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
                throw new IOException("RNNoise driver " + driver + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException("RNNoise driver " + driver + " failed with exit status " + p.exitValue() + ": "
                        + Files.readString(err, StandardCharsets.UTF_8).strip());
            }
            byte[] bytes = Files.readAllBytes(out);
            if (bytes.length != input.length * Float.BYTES) {
                throw new IOException("RNNoise driver " + driver + " returned " + bytes.length + " bytes for "
                        + input.length + " samples");
            }
            float[] result = new float[input.length];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(result);
            return result;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while RNNoise ran", ex);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
