package org.percepnet4j.trainer.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Generates the committed split lists (see {@code splits/README.md}).
 *
 * <p>Speech: speakers are grouped with everyone who shares a base language (en_GB joins en, pt_BR joins pt) and
 * with every other language the same named author recorded, so no person can fall on both sides even where the
 * manifests do not name the speaker. The groups are shuffled with a fixed seed and dealt to TEST, then VALIDATION,
 * until each holds its target share of the speech duration (a group that would overshoot its share by more than half
 * is passed over). Noise, keystrokes and impulse responses are split by source group (a recording's numbered
 * variants, a key's press and release, a measurement's channels) per folder, the same way.
 *
 * <p>Usage: {@code SplitGenerator CORPUS_DIR OUT_DIR} (writes train.txt, validation.txt, test.txt).
 */
public final class SplitGenerator {
    /** The seed of the committed lists. */
    public static final long SEED = 20261125L;
    static final double TEST_SHARE = 0.10;
    static final double VALIDATION_SHARE = 0.08;

    private SplitGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SplitGenerator CORPUS_DIR OUT_DIR");
            System.exit(2);
        }
        Path root = Paths.get(args[0]);
        Path out = Paths.get(args[1]);
        Map<String, Split> assignment = assign(Corpus.catalogue(root), SEED);
        write(assignment, out);
    }

    /** Deterministic assignment of every file to a split. */
    public static Map<String, Split> assign(List<CorpusFile> files, long seed) {
        Map<String, Split> out = new TreeMap<>();
        // Speech: union-find over speakers, languages and authors.
        List<CorpusFile> speech = files.stream().filter(f -> f.kind() == CorpusFile.Kind.SPEECH).toList();
        Map<String, String> parent = new HashMap<>();
        for (CorpusFile f : speech) {
            union(parent, "spk:" + f.speaker(), "lang:" + baseLanguage(f.language()));
            String author = f.speaker().substring(f.speaker().indexOf(':') + 1);
            union(parent, "spk:" + f.speaker(), "author:" + author.toLowerCase(Locale.ROOT));
        }
        Map<String, List<CorpusFile>> speechGroups = new TreeMap<>();
        for (CorpusFile f : speech) {
            speechGroups.computeIfAbsent(find(parent, "spk:" + f.speaker()), k -> new ArrayList<>()).add(f);
        }
        deal(speechGroups, seed, out);
        // Everything else: per folder, by source group.
        Map<String, Map<String, List<CorpusFile>>> byFolder = new TreeMap<>();
        for (CorpusFile f : files) {
            if (f.kind() != CorpusFile.Kind.SPEECH) {
                byFolder.computeIfAbsent(f.folder(), k -> new TreeMap<>())
                        .computeIfAbsent(f.speaker(), k -> new ArrayList<>()).add(f);
            }
        }
        long s = seed;
        for (Map<String, List<CorpusFile>> groups : byFolder.values()) {
            deal(groups, ++s, out);
        }
        return out;
    }

    /** Deals shuffled groups to TEST and VALIDATION up to their shares (by duration, or count when unknown). */
    private static void deal(Map<String, List<CorpusFile>> groups, long seed, Map<String, Split> out) {
        List<String> keys = new ArrayList<>(groups.keySet());
        Collections.shuffle(keys, new Random(seed));
        Map<String, Double> weight = new LinkedHashMap<>();
        double total = 0;
        boolean durations = groups.values().stream().flatMap(List::stream).allMatch(f -> f.durationS() > 0);
        for (String k : keys) {
            double w = groups.get(k).stream().mapToDouble(f -> durations ? f.durationS() : 1.0).sum();
            weight.put(k, w);
            total += w;
        }
        Map<Split, Double> filled = new EnumMap<>(Split.class);
        Map<Split, Double> target = Map.of(Split.TEST, TEST_SHARE * total, Split.VALIDATION, VALIDATION_SHARE * total);
        boolean small = keys.size() < 3;
        for (String k : keys) {
            Split chosen = Split.TRAIN;
            if (!small) {
                for (Split s : new Split[] {Split.TEST, Split.VALIDATION}) {
                    double have = filled.getOrDefault(s, 0.0);
                    boolean empty = have == 0;
                    // Every split gets at least one group; after that stop at the share (+50 % tolerance).
                    if (have < target.get(s) && (empty || have + weight.get(k) <= 1.5 * target.get(s))) {
                        chosen = s;
                        break;
                    }
                }
                if (chosen != Split.TRAIN && filled.getOrDefault(chosen, 0.0) == 0
                        && weight.get(k) > 0.5 * total) {
                    chosen = Split.TRAIN; // never give away most of a folder
                }
            }
            filled.merge(chosen, weight.get(k), Double::sum);
            for (CorpusFile f : groups.get(k)) {
                out.put(f.path(), chosen);
            }
        }
    }

    static String baseLanguage(String lang) {
        int u = lang.indexOf('_');
        return (u < 0 ? lang : lang.substring(0, u)).toLowerCase(Locale.ROOT);
    }

    private static String find(Map<String, String> parent, String x) {
        String p = parent.getOrDefault(x, x);
        if (p.equals(x)) {
            return x;
        }
        String r = find(parent, p);
        parent.put(x, r);
        return r;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            // Deterministic root: the smaller key.
            if (ra.compareTo(rb) < 0) {
                parent.put(rb, ra);
            } else {
                parent.put(ra, rb);
            }
        }
    }

    static void write(Map<String, Split> assignment, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Split s : Split.values()) {
            TreeSet<String> paths = new TreeSet<>();
            assignment.forEach((p, sp) -> {
                if (sp == s) {
                    paths.add(p);
                }
            });
            StringBuilder b = new StringBuilder();
            b.append("# ").append(s).append(" split of ../shared/corpus, generated by ")
                    .append("org.percepnet4j.trainer.data.SplitGenerator (seed ").append(SEED).append(").\n");
            b.append("# One path per line, relative to the corpus root. Do not edit by hand; see README.md here.\n");
            for (String p : paths) {
                b.append(p).append('\n');
            }
            Files.writeString(dir.resolve(s.name().toLowerCase(Locale.ROOT) + ".txt"), b.toString(), StandardCharsets.UTF_8);
        }
    }
}
