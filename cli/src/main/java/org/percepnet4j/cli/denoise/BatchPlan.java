package org.percepnet4j.cli.denoise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.percepnet4j.cli.audio.AudioFileType;

/**
 * Turns the command line's inputs and output into one job per file, before anything is processed, so a clash
 * (two inputs to one output, an input that would be overwritten) is reported up front.
 *
 * <p>Rules: {@code -o FILE} takes exactly one input file; {@code --out-dir DIR} takes any number of files and
 * folders. A folder is searched recursively for .wav, .wave, .aif, .aiff, .aifc and .flac files, and its
 * sub-folders are recreated under DIR; DIR itself is skipped when it lies inside an input folder, so a second run
 * does not take the first run's outputs for inputs. Outputs keep the input's name and container, except FLAC, which
 * is written as WAV (same rate, channels and bit depth) because Java has no maintained FLAC encoder.
 *
 * <p>An existing file is replaced when {@code -o} names it (a render repeated with other settings) or with
 * {@code --force}; never one that is another input. Under {@code --out-dir} the names are derived, so without
 * {@code --force} a batch must not silently destroy a file it did not make (take.flac's output take.wav beside
 * someone's own take.wav). The same input named twice is processed once.
 */
public final class BatchPlan {

    /** A file that cannot be planned (and so will not be processed), with the reason. */
    public record Problem(Path input, String reason) {
    }

    private final List<DenoiseJob> jobs;
    private final List<Problem> problems;

    private BatchPlan(List<DenoiseJob> jobs, List<Problem> problems) {
        this.jobs = List.copyOf(jobs);
        this.problems = List.copyOf(problems);
    }

    public List<DenoiseJob> jobs() {
        return jobs;
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * @param inputs    files and folders from the command line
     * @param output    {@code -o} target, or null
     * @param outDir    {@code --out-dir}, or null (exactly one of output/outDir is set)
     * @param force     allow outputs under {@code outDir} to replace existing files, and an output its own input
     * @throws IllegalArgumentException for a command line that cannot work at all (the message says why)
     */
    public static BatchPlan of(List<Path> inputs, Path output, Path outDir, boolean force) throws IOException {
        if ((output == null) == (outDir == null)) {
            throw new IllegalArgumentException("give either -o FILE (one input) or --out-dir DIR");
        }
        List<DenoiseJob> planned = new ArrayList<>();
        if (output != null) {
            if (inputs.size() != 1 || Files.isDirectory(inputs.get(0))) {
                throw new IllegalArgumentException("-o takes exactly one input file; use --out-dir DIR for several"
                        + " files or a folder");
            }
            Path in = inputs.get(0);
            if (Files.isDirectory(output)) {
                throw new IllegalArgumentException(output + ": is a folder; -o names the output file (use --out-dir"
                        + " for a folder)");
            }
            Optional<AudioFileType> type = AudioFileType.byExtension(output);
            if (type.isEmpty()) {
                throw new IllegalArgumentException(output + ": name the output .wav or .aiff");
            }
            if (!type.get().isWritable()) {
                throw new IllegalArgumentException(output + ": FLAC cannot be written (no maintained Java FLAC "
                        + "encoder); name the output .wav or .aiff");
            }
            planned.add(new DenoiseJob(in, output, type.get()));
        } else {
            if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
                throw new IllegalArgumentException(outDir + ": --out-dir is a file, not a folder");
            }
            for (Path in : inputs) {
                if (Files.isDirectory(in)) {
                    for (Path f : audioFilesUnder(in, outDir)) {
                        Path rel = in.relativize(f);
                        Path target = outDir.resolve(rel.toString());
                        planned.add(jobFor(f, target));
                    }
                } else {
                    planned.add(jobFor(in, outDir.resolve(in.getFileName().toString())));
                }
            }
        }
        // Every input, by identity, so no output can replace one (e.g. take.flac -> take.wav next to take.wav).
        Map<Object, Path> inputsByIdentity = new HashMap<>();
        for (DenoiseJob job : planned) {
            identity(job.input()).ifPresent(id -> inputsByIdentity.putIfAbsent(id, job.input()));
        }
        List<Problem> problems = new ArrayList<>();
        Map<Path, DenoiseJob> byOutput = new LinkedHashMap<>();
        for (DenoiseJob job : planned) {
            add(byOutput, problems, job, force, output != null, inputsByIdentity);
        }
        return new BatchPlan(new ArrayList<>(byOutput.values()), problems);
    }

    /** Keeps the name; FLAC (or an unknown extension) becomes .wav. */
    private static DenoiseJob jobFor(Path in, Path target) {
        AudioFileType inType = AudioFileType.byExtension(in).orElse(AudioFileType.FLAC);
        AudioFileType outType = inType.outputType();
        if (outType != inType || AudioFileType.byExtension(in).isEmpty()) {
            String name = target.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String base = dot > 0 && AudioFileType.byExtension(in).isPresent() ? name.substring(0, dot) : name;
            target = target.resolveSibling(base + "." + outType.extension());
        }
        return new DenoiseJob(in, target, outType);
    }

    private static void add(Map<Path, DenoiseJob> byOutput, List<Problem> problems, DenoiseJob job, boolean force,
                            boolean named, Map<Object, Path> inputs) {
        Path key = job.output().toAbsolutePath().normalize();
        DenoiseJob clash = byOutput.get(key);
        if (clash != null && sameFile(clash.input(), job.input())) {
            return; // the same file named twice (a.wav ./a.wav, or a file and its folder): one job
        }
        if (clash != null) {
            problems.add(new Problem(job.input(), "would write the same output as " + clash.input() + " ("
                    + job.output() + ")"));
            return;
        }
        if (sameFile(job.input(), job.output())) {
            if (!force) {
                problems.add(new Problem(job.input(), "refusing to overwrite the input; choose another output or add "
                        + "--force"));
                return;
            }
        } else {
            Path other = identity(job.output()).map(inputs::get).orElse(null);
            if (other != null) { // --force allows replacing a file's own input only, never another one
                problems.add(new Problem(job.input(), "its output " + job.output() + " would overwrite another input, "
                        + other + "; choose another --out-dir"));
                return;
            }
            if (Files.isDirectory(job.output())) {
                problems.add(new Problem(job.input(), "its output " + job.output() + " is a folder"));
                return;
            }
            if (!force && !named && Files.exists(job.output(), LinkOption.NOFOLLOW_LINKS)) {
                problems.add(new Problem(job.input(), "its output " + job.output() + " exists; add --force to replace"
                        + " it"));
                return;
            }
        }
        byOutput.put(key, job);
    }

    /** An existing file's identity: its file key (device and inode: hard links match), else its real path. */
    private static Optional<Object> identity(Path p) {
        try {
            Object key = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
            return Optional.of(key != null ? key : p.toRealPath());
        } catch (IOException e) {
            return Optional.empty(); // does not exist (yet): it cannot be an input
        }
    }

    static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // Fall through to a path comparison.
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private static List<Path> audioFilesUnder(Path dir, Path outDir) throws IOException {
        Path skip = outDir.toAbsolutePath().normalize();
        boolean inside = !skip.equals(dir.toAbsolutePath().normalize()); // DIR = the input folder: outputs clash
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> !inside || !f.toAbsolutePath().normalize().startsWith(skip))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> AudioFileType.byExtension(f).isPresent())
                    .sorted(Comparator.naturalOrder())
                    .toList();
        }
    }
}
