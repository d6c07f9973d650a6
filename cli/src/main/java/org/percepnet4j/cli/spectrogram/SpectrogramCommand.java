package org.percepnet4j.cli.spectrogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.percepnet4j.cli.PercepnetCommand;
import org.percepnet4j.cli.audio.AudioFileException;
import org.percepnet4j.cli.audio.AudioFileReader;
import org.percepnet4j.cli.audio.AudioFileInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import org.percepnet4j.engine.io.FileReplacement;

/** {@code percepnet spectrogram IN [IN2] -o OUT.png}: what was removed, as a picture. */
@Command(name = "spectrogram", mixinStandardHelpOptions = true,
        description = {"Draw a spectrogram as PNG; with two files, before and after side by side on one colour scale.",
            "Channels are mixed to mono for the picture."})
public final class SpectrogramCommand implements Callable<Integer> {

    @ParentCommand
    PercepnetCommand root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..3", paramLabel = "IN",
            description = "one file, or two (before, after); a last argument ending in .png names the picture")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.png", description = "PNG file to write")
    Path output;

    @Option(names = "--linear", description = "linear frequency axis (default: logarithmic from 40 Hz)")
    boolean linear;

    @Option(names = "--range", defaultValue = "90", paramLabel = "DB",
            description = "dB from the loudest level to black (default: ${DEFAULT-VALUE})")
    double rangeDb;

    @Option(names = "--width", defaultValue = "800", paramLabel = "PX",
            description = "plot width per panel in pixels (default: ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "360", paramLabel = "PX",
            description = "plot height in pixels (default: ${DEFAULT-VALUE})")
    int height;

    @Override
    public Integer call() throws IOException {
        inputs = new ArrayList<>(inputs);
        if (output == null && inputs.size() > 1 && isPng(inputs.get(inputs.size() - 1))) {
            output = inputs.remove(inputs.size() - 1);
        }
        if (output == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "name the picture: -o OUT.png (or a last argument ending in .png)");
        }
        if (inputs.size() > 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give one file, or two (before and after); got " + inputs.size());
        }
        SpectrogramImage.Options options;
        try {
            options = new SpectrogramImage.Options(width, height, !linear, rangeDb);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!isPng(output)) {
            throw new AudioFileException(output, "the picture is written as PNG: name it .png");
        }
        if (java.nio.file.Files.isDirectory(output)) {
            throw new AudioFileException(output, "is a folder; -o names the picture file");
        }
        List<SpectrogramImage.Panel> panels = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Path in = inputs.get(i);
            Mono mono = readMono(in);
            String label = inputs.size() == 2 ? (i == 0 ? "before: " : "after: ") : "";
            panels.add(new SpectrogramImage.Panel(label + in.getFileName(),
                    Spectrogram.compute(mono.samples, mono.rate, width, Spectrogram.fftSizeFor(mono.rate)),
                    mono.samples.length / (double) mono.rate));
        }
        var image = SpectrogramImage.render(panels, options);
        try {
            FileReplacement.write(output, tmp -> {
                if (!ImageIO.write(image, "png", tmp.toFile())) {
                    throw new IOException("no PNG writer in this Java runtime");
                }
            });
        } catch (IOException e) { // ImageIO says only "I/O error writing PNG file!": name the file and the cause
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new AudioFileException(output, "cannot write: " + (cause.getMessage() == null ? cause.toString()
                    : cause.getMessage()));
        }
        root.out().println("Wrote " + output);
        return 0;
    }

    private static boolean isPng(Path p) {
        return p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png");
    }

    private record Mono(float[] samples, float rate) {
    }

    /** Longest file drawn: 2^28 samples (93 minutes at 48 kHz), 1 GB as floats. */
    private static final int MAX_SAMPLES = 1 << 28;

    /** Whole file mixed to mono; the picture needs all of it at once. */
    private static Mono readMono(Path file) throws IOException {
        try (AudioFileReader r = AudioFileReader.open(file)) {
            AudioFileInfo info = r.info();
            int channels = info.channels();
            float[][] block = new float[channels][8192];
            // The header's frame count only sizes the first buffer, up to 2^20 samples: a damaged or streamed file may
            // declare 4 GB of data it does not hold. The buffer grows with what is really read.
            float[] all = new float[info.frames() > 0 ? (int) Math.min(info.frames(), 1 << 20) : 1 << 16];
            int len = 0;
            int n;
            while ((n = r.read(block, 8192)) > 0) {
                if (len + n > all.length) {
                    if (len > MAX_SAMPLES - n) {
                        throw new AudioFileException(file, "too long for one picture (over " + MAX_SAMPLES
                                + " samples); cut it first");
                    }
                    all = java.util.Arrays.copyOf(all, (int) Math.min(MAX_SAMPLES, Math.max(len + n, 2L * all.length)));
                }
                for (int i = 0; i < n; i++) {
                    float s = 0;
                    for (int ch = 0; ch < channels; ch++) {
                        s += block[ch][i];
                    }
                    all[len + i] = s / channels;
                }
                len += n;
            }
            if (len == 0) {
                throw new AudioFileException(file, "holds no audio");
            }
            return new Mono(java.util.Arrays.copyOf(all, len), info.sampleRate());
        }
    }
}
