package org.percepnet4j.presets;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.percepnet4j.engine.io.FileReplacement;
import org.percepnet4j.engine.io.OutputFolders;

/**
 * Where presets come from: the factory list, a folder of user presets (JSON) and preset files named directly
 * (.json, .fxp, .fxb). Used by the CLI ({@code --preset NAME|FILE}), the UI and the plugin.
 */
public final class PresetLibrary {

    /** System property naming the user preset folder. */
    public static final String USER_DIR_PROPERTY = "percepnet.presets";
    /** Environment variable naming the user preset folder (when the property is unset). */
    public static final String USER_DIR_ENV = "PERCEPNET_PRESETS";
    /** How messages name that folder. */
    private static final String USER_FOLDER = "user preset folder";

    private final Path userDir;

    /** @param userDir folder of user presets (*.json); need not exist yet */
    public PresetLibrary(Path userDir) {
        this.userDir = userDir;
    }

    /** The library in the default user folder: {@value #USER_DIR_PROPERTY}, else {@value #USER_DIR_ENV}, else ~/.percepnet4j/presets. */
    public static PresetLibrary standard() {
        String dir = System.getProperty(USER_DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(USER_DIR_ENV);
        }
        Path p = dir == null || dir.isBlank()
                ? Path.of(System.getProperty("user.home"), ".percepnet4j", "presets") : Path.of(dir);
        return new PresetLibrary(p);
    }

    public Path userDir() {
        return userDir;
    }

    /**
     * The user presets that load, plus one message per file that does not (a bad file never hides the rest), and
     * warnings: the folder is unusable, or a preset that loads cannot be chosen by name because a factory preset
     * or an earlier file has the same name (as {@link #find} compares names).
     */
    public record UserPresets(List<Preset> presets, List<String> problems, List<String> warnings) {
    }

    /** Reads every *.json in the user folder, sorted by file name; a missing folder means no user presets. */
    public UserPresets userPresets() {
        List<Preset> presets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Path> files = List.of();
        if (Files.exists(userDir) && !Files.isDirectory(userDir)) {
            warnings.add(OutputFolders.notAFolder(userDir, USER_FOLDER));
        }
        try {
            files = jsonFiles();
        } catch (IOException e) {
            warnings.add(USER_FOLDER + " " + userDir + " cannot be listed: " + e.getMessage());
        }
        Map<String, String> owners = new HashMap<>(); // simplified name -> who has it
        FactoryPresets.all().forEach(p -> owners.put(FactoryPresets.simplify(p.name()), "the factory preset"));
        for (Path f : files) {
            try {
                Preset p = load(f);
                presets.add(p);
                String owner = owners.putIfAbsent(FactoryPresets.simplify(p.name()), "\"" + p.name() + "\" in " + f);
                if (owner != null) {
                    warnings.add("user preset \"" + p.name() + "\" in " + f + " cannot be chosen by name: " + owner
                            + " has the same name (names compare ignoring case and punctuation); rename it");
                }
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        return new UserPresets(List.copyOf(presets), List.copyOf(problems), List.copyOf(warnings));
    }

    /** A preset by name: factory presets first, then user presets (names compared ignoring case and punctuation). */
    public Optional<Preset> find(String name) {
        Optional<Preset> factory = FactoryPresets.byName(name);
        if (factory.isPresent()) {
            return factory;
        }
        String wanted = FactoryPresets.simplify(name);
        return userPresets().presets().stream()
                .filter(p -> FactoryPresets.simplify(p.name()).equals(wanted)).findFirst();
    }

    /**
     * What {@code --preset} means: an existing file (.json, .fxp, or .fxb holding exactly one program) or a
     * preset name.
     *
     * @throws PresetFormatException when the file is bad or the name is unknown (the message lists the names)
     */
    public Preset resolve(String nameOrFile) throws IOException {
        Path f;
        try {
            f = Path.of(nameOrFile);
        } catch (InvalidPathException notAPath) { // e.g. "Room: B" on Windows: only a name
            f = null;
        }
        if (f != null && Files.isRegularFile(f)) {
            return load(f);
        }
        return find(nameOrFile).orElseThrow(() -> new PresetFormatException(PresetFormatException.excerpt(nameOrFile),
                null, "no such preset or file (presets: " + String.join(", ", names()) + ")"));
    }

    /** Names of all presets, factory first. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        FactoryPresets.all().forEach(p -> names.add(p.name()));
        userPresets().presets().forEach(p -> names.add(p.name()));
        return names;
    }

    /** Loads one preset file; the extension decides the format. */
    public static Preset load(Path file) throws IOException {
        String source = file.toString();
        byte[] data = readAll(file);
        switch (extension(file)) {
            case "json":
                return PresetJson.read(data, source);
            case "fxp":
                return VstPatchFiles.readProgram(data, source);
            case "fxb": {
                List<Preset> bank = VstPatchFiles.readBank(data, source);
                if (bank.size() != 1) {
                    throw new PresetFormatException(source, null, "a bank of " + bank.size()
                            + " programs; import it as a bank, or export one program (.fxp)");
                }
                return bank.get(0);
            }
            default:
                throw new PresetFormatException(source, null, "unknown preset file type (allowed .json, .fxp, .fxb)");
        }
    }

    /** Loads every program of a bank (.fxb), all or nothing. */
    public static List<Preset> loadBank(Path file) throws IOException {
        return VstPatchFiles.readBank(readAll(file), file.toString());
    }

    /**
     * Saves a user preset as JSON in the user folder; returns the file. A preset of the same name (as {@link #find}
     * compares names) is replaced in its own file; otherwise the file is named after the preset, with "-2", "-3", ...
     * added when that name is taken (ignoring case, as some file systems do) by another preset or by a file that
     * does not load: saving never replaces a different preset.
     *
     * @throws IllegalArgumentException for a factory preset's name, which {@link #find} would never reach
     */
    public Path save(Preset preset) throws IOException {
        if (FactoryPresets.byName(preset.name()).isPresent()) {
            throw new IllegalArgumentException("\"" + preset.name() + "\" is the name of a factory preset; choose another");
        }
        OutputFolders.create(userDir, USER_FOLDER);
        String wanted = FactoryPresets.simplify(preset.name());
        List<Path> files = jsonFiles();
        Path target = null;
        for (Path f : files) {
            try {
                if (FactoryPresets.simplify(load(f).name()).equals(wanted)) {
                    target = f;
                    break;
                }
            } catch (IOException unreadable) {
                // Not this preset, and not ours to replace.
            }
        }
        if (target == null) {
            Set<String> taken = new HashSet<>();
            files.forEach(f -> taken.add(f.getFileName().toString().toLowerCase(Locale.ROOT)));
            String base = fileNameFor(preset.name());
            String name = base + ".json";
            for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "-" + n + ".json";
            }
            target = userDir.resolve(name);
        }
        writeAtomically(target, PresetJson.write(preset));
        return target;
    }

    /** The *.json files of the user folder, sorted by name (none when it does not exist). */
    private List<Path> jsonFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(userDir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(userDir, "*.json")) {
                ds.forEach(files::add);
            }
        }
        files.sort(null);
        return files;
    }

    /** Writes a preset file in the format its extension names (.json, .fxp, .fxb), replacing it only when complete. */
    public static void export(Preset preset, Path file, int pluginId) throws IOException {
        byte[] data = switch (extension(file)) {
            case "json" -> PresetJson.write(preset);
            case "fxp" -> VstPatchFiles.writeProgram(preset, pluginId);
            case "fxb" -> VstPatchFiles.writeBank(List.of(preset), pluginId);
            default -> throw new IOException(file + ": unknown preset file type (allowed .json, .fxp, .fxb)");
        };
        writeAtomically(file, data);
    }

    /** Writes a bank of presets (.fxb), replacing the file only when complete. */
    public static void exportBank(List<Preset> presets, Path file, int pluginId) throws IOException {
        if (!extension(file).equals("fxb")) { // e.g. a recording named by mistake: never replace it with a bank
            throw new IOException(file + ": name the bank .fxb");
        }
        writeAtomically(file, VstPatchFiles.writeBank(presets, pluginId));
    }

    /** Write to a temporary file beside the target, then rename: a crash never leaves a half-written preset. */
    static void writeAtomically(Path target, byte[] data) throws IOException {
        FileReplacement.write(target, tmp -> Files.write(tmp, data));
    }

    /** Preset files are small; refuse anything large before reading it into memory. */
    private static final long MAX_FILE_BYTES = 16L << 20;

    private static byte[] readAll(Path file) throws IOException {
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) { // a FIFO or device would block or never end
                throw new PresetFormatException(file.toString(), null, "not a regular file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new PresetFormatException(file.toString(), null, "larger than 16 MB: not a preset file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PresetFormatException(file.toString(), null, "no such file", e);
        } catch (PresetFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new PresetFormatException(file.toString(), null, "cannot read: " + e.getMessage(), e);
        }
    }

    static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** A portable file name: letters and digits of any script, '-' and '_' only. */
    static String fileNameFor(String presetName) {
        String s = presetName.trim().replaceAll("[^\\p{L}\\p{N}_-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "preset" : s;
    }
}
