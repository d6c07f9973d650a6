package org.percepnet4j.cli.denoise;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.percepnet4j.cli.ParameterOptions;
import org.percepnet4j.cli.PercepnetCommand;
import org.percepnet4j.cli.audio.AudioFileInfo;
import org.percepnet4j.cli.audio.AudioFileReader;
import org.percepnet4j.engine.GainModel;
import org.percepnet4j.presets.ParameterSet;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code percepnet denoise IN... (-o OUT | --out-dir DIR)}: offline render of files and folders. */
@Command(name = "denoise", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Remove noise from speech recordings.",
            "Reads WAV (8/16/24/32-bit integer, 32-bit float), AIFF and FLAC; writes the same rate, channels and "
                + "sample format, time-aligned with the input and of the same length (16-bit output is TPDF "
                + "dithered). FLAC input is written as WAV. Outputs are written to a temporary file and renamed when "
                + "complete. An existing file is replaced when -o names it; under --out-dir only with --force; an "
                + "input only with --force, and never by another input's output. A safety limiter "
                + "keeps the output within 0 dBFS, float files included: for material above full scale, lower "
                + "--output-gain."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file was denoised", "1:at least one file failed (listed in the summary)",
            "2:bad command line"})
public final class DenoiseCommand implements Callable<Integer> {

    @ParentCommand
    PercepnetCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "IN", description = "audio files or folders (searched recursively)")
    List<Path> inputs;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "output file (.wav or .aiff) for one input")
        Path output;

        @Option(names = "--out-dir", paramLabel = "DIR", description = "output folder for any number of inputs")
        Path outDir;
    }

    @CommandLine.Mixin
    ParameterOptions settings;

    @Option(names = "--threads", paramLabel = "N",
            description = "files processed in parallel (default: the number of cores, ${DEFAULT-VALUE})")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--block-size", paramLabel = "FRAMES", hidden = true,
            description = "block size handed to the processor; the output does not depend on it")
    int blockSize = FileRenderer.DEFAULT_BLOCK;

    @Option(names = "--force", description = "replace existing files under --out-dir, and an input by its own "
            + "output (never one input by another's output)")
    boolean force;

    @Option(names = "--no-progress", description = "no progress bars (they are shown only on a terminal anyway)")
    boolean noProgress;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (threads < 1 || threads > 256) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be from 1 to 256");
        }
        ParameterSet parameters = settings.resolve(root.presets(), spec.commandLine());
        BatchPlan plan;
        try {
            plan = BatchPlan.of(inputs, target.output, target.outDir, force);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = root.out();
        PrintWriter err = root.err();
        List<String> failures = new ArrayList<>();
        plan.problems().forEach(p -> failures.add(p.input() + ": " + p.reason()));
        if (plan.jobs().isEmpty() && failures.isEmpty()) {
            failures.add(String.join(", ", inputs.stream().map(Path::toString).toList())
                    + ": no .wav, .aiff or .flac files found");
        }
        if (target.outDir != null) {
            for (DenoiseJob job : plan.jobs()) {
                Files.createDirectories(job.output().toAbsolutePath().getParent()); // mirrors input sub-folders
            }
        }
        GainModel model = plan.jobs().isEmpty() ? null : root.model();
        int parallelFiles = Math.min(threads, Math.max(1, plan.jobs().size()));
        // A second thread per file when there are cores to spare (one long file on two cores): same bytes, faster.
        boolean analysisThread = 2 * parallelFiles <= Runtime.getRuntime().availableProcessors();
        FileRenderer renderer = new FileRenderer(model, parameters, blockSize, analysisThread);

        double totalSeconds = 0;
        for (DenoiseJob job : plan.jobs()) {
            totalSeconds += durationOrZero(job.input());
        }
        boolean showProgress = !noProgress && System.console() != null;
        long wallStart = System.nanoTime();
        List<RenderResult> done = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallelFiles);
        try (RenderProgress progress = showProgress ? RenderProgress.console(plan.jobs(), totalSeconds)
                : RenderProgress.none()) {
            List<Future<RenderResult>> futures = new ArrayList<>();
            for (DenoiseJob job : plan.jobs()) {
                futures.add(pool.submit(() -> renderOne(renderer, job, progress)));
            }
            for (int i = 0; i < futures.size(); i++) {
                DenoiseJob job = plan.jobs().get(i);
                try {
                    done.add(futures.get(i).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    String msg = c instanceof IOException ? c.getMessage()
                            : job.input() + ": " + (c.getMessage() == null ? c.toString() : c.getMessage());
                    failures.add(msg);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double wall = (System.nanoTime() - wallStart) / 1e9;
        for (RenderResult r : done) {
            out.printf(Locale.ROOT, "%s -> %s  (%.1f s, %.0fx real time%s)%n", r.job().input(), r.job().output(),
                    r.seconds(), r.realTimeFactor(), r.nonFiniteInput() > 0
                            ? ", " + r.nonFiniteInput() + " NaN/Inf input samples replaced by silence" : "");
        }
        double audio = done.stream().mapToDouble(RenderResult::seconds).sum();
        int total = done.size() + failures.size();
        out.printf(Locale.ROOT, "Denoised %d of %d file%s: %.1f s of audio in %.1f s (%.0fx real time).%n",
                done.size(), total, total == 1 ? "" : "s", audio, wall, audio / Math.max(wall, 1e-9));
        if (!failures.isEmpty()) {
            err.println("Failed (" + failures.size() + "):");
            failures.forEach(f -> err.println("  " + f));
            return PercepnetCommand.EXIT_FAILURE;
        }
        return 0;
    }

    private static RenderResult renderOne(FileRenderer renderer, DenoiseJob job, RenderProgress progress)
            throws IOException {
        try {
            AudioFileInfo info = AudioFileReader.probe(job.input());
            return renderer.render(job, progress.start(job, info.frames(), info.sampleRate()));
        } finally {
            progress.finish(job);
        }
    }

    private static double durationOrZero(Path file) {
        try {
            double s = AudioFileReader.probe(file).seconds();
            return Double.isNaN(s) ? 0 : s;
        } catch (IOException e) {
            return 0; // reported when the file is processed
        }
    }
}
