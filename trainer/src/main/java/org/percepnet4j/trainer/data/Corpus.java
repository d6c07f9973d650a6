package org.percepnet4j.trainer.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.percepnet4j.engine.dsp.ErbBands;

/**
 * The training corpus ({@code ../shared/corpus}): file catalogue from the folder manifests, the committed split
 * lists, and decoded audio (mono, 48 kHz).
 *
 * <p>Memory: decoded audio is kept in an LRU cache as 16-bit samples with one float scale per file (peak-normalised,
 * so the quantisation floor sits ~96 dB under each file's own peak, far below the corpus' own noise floor). The whole
 * corpus at 48 kHz is ≈ 1.5 GB that way instead of ≈ 3 GB as float; the cache budget is
 * {@code -Dpercepnet.corpus.cacheMb} (default 2048) so the working set of a training run stays resident while a
 * smaller budget still works (files are decoded again on a miss). Thread-safe.
 */
public final class Corpus {
    /** System property naming the corpus folder. */
    public static final String PROPERTY = "percepnet.corpus";
    /** Environment variable naming the corpus folder (used when the property is not set). */
    public static final String ENV = "PERCEPNET_CORPUS";
    /** Cache budget in MiB. */
    public static final String CACHE_PROPERTY = "percepnet.corpus.cacheMb";
    /** Bandwidth assumed when a manifest says nothing (Nyquist at 48 kHz). */
    public static final double FULL_BAND_HZ = 24000;
    /** Steady tones at or above this frequency are masked out of the loss (see the corpus README). */
    static final double TONE_MIN_HZ = 15000;

    /**
     * Share of a lower source Nyquist that survives {@link Resampler}: its response is −0.6 dB at 20 kHz and −6 dB
     * at 20.95 kHz for 44.1 kHz sources, so 0.47 × 44.1 kHz = 20.7 kHz keeps the top ERB band (centre 20 kHz, which
     * the engine counts when its centre is at or below the cutoff) in the loss for 44.1 kHz speech.
     */
    static final double RESAMPLER_PASSBAND = 0.94;

    private final Path root;
    private final List<CorpusFile> files;
    private final Map<String, Split> splits;
    private final AudioCache cache;
    /** Resamplers to 48 kHz by source rate (immutable once built, so shared across threads). */
    private final java.util.concurrent.ConcurrentHashMap<Integer, Resampler> resamplers =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Corpus(Path root, List<CorpusFile> files, Map<String, Split> splits, long cacheBytes) {
        this.root = root;
        this.files = List.copyOf(files);
        this.splits = Map.copyOf(splits);
        this.cache = new AudioCache(cacheBytes);
    }

    /** The configured corpus folder: property, then environment, then {@code ../shared/corpus}. */
    public static Path defaultRoot() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(ENV);
        }
        if (p == null || p.isBlank()) {
            p = "../shared/corpus";
        }
        return Paths.get(p).toAbsolutePath().normalize();
    }

    /** The corpus at {@link #defaultRoot()}, or empty when it is not there. */
    public static Optional<Corpus> openDefault() {
        Path root = defaultRoot();
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        return Optional.of(open(root));
    }

    /** Opens the corpus at {@code root} with the committed split lists. */
    public static Corpus open(Path root) {
        return open(root, SplitLists.load());
    }

    /**
     * Opens a corpus folder of the same layout whose every file belongs to {@code split}: e.g. a separate held-out
     * set of speakers and noises evaluated as TEST.
     */
    public static Corpus openAllAs(Path root, Split split) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("corpus folder not found: " + root);
        }
        try {
            List<CorpusFile> files = catalogue(root);
            Map<String, Split> all = new java.util.HashMap<>();
            for (CorpusFile f : files) {
                all.put(f.path(), split);
            }
            return new Corpus(root, files, all, Math.max(0, Long.getLong(CACHE_PROPERTY, 2048L)) << 20);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus manifests under " + root, e);
        }
    }

    /** Opens the corpus at {@code root} with the given path → split assignment. */
    public static Corpus open(Path root, Map<String, Split> splits) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("corpus folder not found: " + root
                    + " (set -D" + PROPERTY + "=DIR or " + ENV + ")");
        }
        long mb = Long.getLong(CACHE_PROPERTY, 2048L);
        try {
            return new Corpus(root, catalogue(root), splits, Math.max(0, mb) << 20);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus manifests under " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    /** Every audio file found, in path order. */
    public List<CorpusFile> files() {
        return files;
    }

    /** The split a file belongs to, or empty when it is in no list (e.g. added to the corpus after the lists). */
    public Optional<Split> splitOf(CorpusFile f) {
        return Optional.ofNullable(splits.get(f.path()));
    }

    /** Files of one kind in one split, in path order. */
    public List<CorpusFile> files(Split split, CorpusFile.Kind kind) {
        return files.stream().filter(f -> f.kind() == kind && splits.get(f.path()) == split).collect(Collectors.toList());
    }

    /** Decoded audio, mono at 48 kHz, as a fresh array the caller may modify. */
    public float[] audio(CorpusFile f) {
        return cache.get(f.path(), () -> {
            try {
                return AudioDecoder.decode48k(root.resolve(f.path()),
                        rate -> resamplers.computeIfAbsent(rate, r -> new Resampler(r, AudioDecoder.TARGET_RATE)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Decodes the given files into the cache in parallel (for a training run's start-up). */
    public void preload(Collection<CorpusFile> toLoad) {
        toLoad.parallelStream().forEach(this::audio);
    }

    /** Bytes currently held by the audio cache. */
    public long cachedBytes() {
        return cache.bytes();
    }

    // ---------------------------------------------------------------- catalogue

    static List<CorpusFile> catalogue(Path root) throws IOException {
        List<CorpusFile> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().collect(Collectors.toList())) {
                String folder = dir.getFileName().toString();
                Path manifest = dir.resolve("manifest.csv");
                if (folder.startsWith("speech_")) {
                    if (Files.isRegularFile(manifest)) {
                        for (Map<String, String> row : Csv.read(manifest)) {
                            speech(root, folder, row).ifPresent(out::add);
                        }
                    }
                } else if (folder.startsWith("noise_") || folder.startsWith("rir_")) {
                    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
                    if (Files.isRegularFile(manifest)) {
                        for (Map<String, String> row : Csv.read(manifest)) {
                            rows.put(row.getOrDefault("file", ""), row);
                        }
                    }
                    try (Stream<Path> audio = Files.walk(dir)) {
                        for (Path p : audio.filter(Corpus::isAudio).sorted().collect(Collectors.toList())) {
                            String rel = dir.relativize(p).toString().replace('\\', '/');
                            Map<String, String> row = rows.getOrDefault(rel, Map.of());
                            out.add(other(folder, rel, row));
                        }
                    }
                }
            }
        }
        out.sort(Comparator.comparing(CorpusFile::path));
        return out;
    }

    private static boolean isAudio(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".wav") || n.endsWith(".flac") || n.endsWith(".ogg"));
    }

    private static Optional<CorpusFile> speech(Path root, String folder, Map<String, String> row) {
        String file = row.getOrDefault("file", "");
        if (file.isEmpty() || !Files.isRegularFile(root.resolve(folder).resolve(file))) {
            return Optional.empty();
        }
        String lang = row.getOrDefault("lang", "");
        if (lang.isEmpty()) {
            lang = file.contains("/") ? file.substring(0, file.indexOf('/')) : "";
        }
        String source = folder.replaceFirst("^speech_", "").replaceFirst("_filtered$", "");
        String family = source.startsWith("gcompris") ? "gcompris" : source;
        String author = normaliseAuthor(row.getOrDefault("author", ""));
        String speaker = author.isEmpty() ? family + ":" + lang : family + ":" + author;
        double cutoff = number(row.get("cutoff_hz"));
        if (!(cutoff > 0)) {
            cutoff = FULL_BAND_HZ;
        }
        double tone = number(row.get("tonal_line_hz"));
        double strongest = number(row.get("strongest_tone_hz"));
        for (double t : new double[] {tone, strongest}) {
            if (t >= TONE_MIN_HZ) {
                cutoff = Math.min(cutoff, cutoffBelowTone(t));
            }
        }
        double rate = number(row.getOrDefault("sr", row.get("sample_rate")));
        if (rate > 0) {
            cutoff = Math.min(cutoff, RESAMPLER_PASSBAND * rate / 2); // nothing survives resampling above this
        }
        double dur = number(row.getOrDefault("dur_s", row.get("duration_s")));
        return Optional.of(new CorpusFile(folder + "/" + file, CorpusFile.Kind.SPEECH, speaker, lang,
                Math.min(cutoff, FULL_BAND_HZ), Math.max(0, dur)));
    }

    /**
     * Highest cutoff that keeps a steady tone at {@code toneHz} out of the loss. The engine masks the bands whose
     * centre lies above the cutoff; band b's triangle reaches up to the next centre, so every band whose triangle
     * reaches past the tone (centre_(b+1) &gt; tone) must be masked: the cutoff goes just under the lowest such band's
     * centre. Tones at or above the top centre (20 kHz) touch no band and change nothing.
     */
    static double cutoffBelowTone(double toneHz) {
        for (int b = 0; b + 1 < ErbBands.BANDS; b++) {
            if (ErbBands.centreHz(b + 1) > toneHz) {
                return Math.max(0, ErbBands.centreHz(b) - 1);
            }
        }
        return FULL_BAND_HZ;
    }

    /** "Horia PELLE (Vorbis ARTIST tag)" / "Eva Romero &lt;mail&gt;" / "Julia Wycherley 2014" → the bare name. */
    static String normaliseAuthor(String a) {
        String s = a.replaceAll("[<(].*$", "").replaceAll("\\s+(19|20)\\d\\d.*$", "").trim();
        return s.replaceAll("\\s+", " ");
    }

    private static CorpusFile other(String folder, String rel, Map<String, String> row) {
        String name = rel.substring(rel.lastIndexOf('/') + 1).replaceFirst("\\.[^.]+$", "");
        CorpusFile.Kind kind;
        String group;
        if (folder.startsWith("rir_")) {
            kind = CorpusFile.Kind.IMPULSE_RESPONSE;
            group = name.replaceFirst("_ch\\d+$", ""); // channels of one measurement stay together
        } else if (folder.contains("keyboard")) {
            kind = CorpusFile.Kind.KEYSTROKE;
            group = "key-" + name.replaceFirst("-\\d+$", ""); // press and release of one key stay together
        } else {
            kind = CorpusFile.Kind.NOISE;
            group = name.replaceFirst("_\\d+$", ""); // numbered variants of one ambience loop stay together
        }
        double dur = number(row.getOrDefault("duration_s", row.getOrDefault("dur_s", "")));
        return new CorpusFile(folder + "/" + rel, kind, folder + ":" + group, "", FULL_BAND_HZ, Math.max(0, dur));
    }

    private static double number(String s) {
        if (s == null || s.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
