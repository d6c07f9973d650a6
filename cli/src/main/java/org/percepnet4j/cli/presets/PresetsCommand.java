package org.percepnet4j.cli.presets;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.percepnet4j.cli.PercepnetCommand;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.presets.FactoryPresets;
import org.percepnet4j.presets.PluginIds;
import org.percepnet4j.presets.Preset;
import org.percepnet4j.presets.PresetLibrary;
import org.percepnet4j.presets.VstPatchFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code percepnet presets list|show|export|export-bank|import}. */
@Command(name = "presets", mixinStandardHelpOptions = true, subcommands = CommandLine.HelpCommand.class,
        description = "List, show, export and import presets (factory and user, JSON and VST .fxp/.fxb).")
public final class PresetsCommand {

    /** Which plugin variant an exported VST file is for; both variants load either. */
    public enum Variant {
        STEREO(PluginIds.STEREO), MONO(PluginIds.MONO);

        final int id;

        Variant(int id) {
            this.id = id;
        }
    }

    @ParentCommand
    PercepnetCommand root;

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the factory and user presets with their descriptions.")
    int list() {
        PrintWriter out = root.out();
        out.println("Factory presets:");
        int width = 0;
        for (Preset p : FactoryPresets.all()) {
            width = Math.max(width, p.name().length());
        }
        PresetLibrary.UserPresets user = root.presets().userPresets();
        for (Preset p : user.presets()) {
            width = Math.max(width, p.name().length());
        }
        for (Preset p : FactoryPresets.all()) {
            out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", p.name(), p.description());
        }
        out.println("User presets (" + root.presets().userDir() + "):");
        if (user.presets().isEmpty()) {
            out.println("  (none)");
        }
        for (Preset p : user.presets()) {
            out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", p.name(), p.description());
        }
        for (String problem : user.problems()) {
            root.err().println("percepnet: skipped user preset " + problem);
        }
        for (String warning : user.warnings()) {
            root.err().println("percepnet: " + warning);
        }
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show every value of a preset (a name or a .json/.fxp/.fxb file).")
    int show(@Parameters(paramLabel = "NAME|FILE") String name) throws IOException {
        Preset p = root.presets().resolve(name);
        PrintWriter out = root.out();
        out.println(p.name());
        if (!p.description().isEmpty()) {
            out.println("  " + p.description());
        }
        for (Parameter param : Parameter.values()) {
            out.printf(Locale.ROOT, "  %-18s %s%n", param.displayName(), param.formatWithUnit(p.parameters().get(param)));
        }
        return 0;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a preset to FILE: .fxp (VST program), .fxb (VST bank) or .json.")
    int export(@Parameters(index = "0", paramLabel = "NAME|FILE") String name,
            @Parameters(index = "1", paramLabel = "FILE") Path file,
            @Option(names = "--variant", defaultValue = "stereo",
                    description = "plugin variant written into .fxp/.fxb: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
            Variant variant) throws IOException {
        Preset p = root.presets().resolve(name);
        PresetLibrary.export(p, file, variant.id);
        root.out().println("Wrote \"" + p.name() + "\" to " + file);
        if (isVstFile(file)) {
            noteShortenedName(p);
        }
        return 0;
    }

    @Command(name = "export-bank", mixinStandardHelpOptions = true,
            description = "Write every factory and user preset to one VST bank (.fxb).")
    int exportBank(@Parameters(paramLabel = "FILE.fxb") Path file,
            @Option(names = "--variant", defaultValue = "stereo",
                    description = "plugin variant: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
            Variant variant) throws IOException {
        List<Preset> all = new ArrayList<>(FactoryPresets.all());
        all.addAll(root.presets().userPresets().presets());
        PresetLibrary.exportBank(all, file, variant.id);
        root.out().println("Wrote " + all.size() + " presets to " + file);
        all.forEach(this::noteShortenedName);
        return 0;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Save the presets of a .json, .fxp or .fxb file as user presets.")
    int importFile(@Parameters(paramLabel = "FILE") Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<Preset> presets = name.endsWith(".fxb") ? PresetLibrary.loadBank(file) : List.of(PresetLibrary.load(file));
        for (Preset p : presets) {
            // Never replace a preset by importing: a name that is taken (factory, user, or earlier in this bank)
            // gets " (imported)", then " (imported 2)", ... Names compare ignoring case and punctuation, so say
            // which preset has it: "Slug-Test" is taken by "Slug/Test".
            String wanted = p.name();
            Optional<Preset> owner = root.presets().find(wanted);
            String free = wanted;
            for (int n = 1; root.presets().find(free).isPresent(); n++) {
                free = withSuffix(wanted, n == 1 ? " (imported)" : " (imported " + n + ")");
            }
            String why = owner.map(o -> " (\"" + wanted + "\" is taken by the "
                    + (FactoryPresets.byName(o.name()).isPresent() ? "factory" : "user") + " preset \"" + o.name()
                    + "\")").orElse("");
            p = p.withName(free);
            Path saved = root.presets().save(p);
            root.out().println("Saved \"" + p.name() + "\" as " + saved + why);
        }
        return 0;
    }

    /** The name with the suffix, shortened to keep within the longest name a preset may have. */
    static String withSuffix(String name, String suffix) {
        int keep = Preset.MAX_NAME_LENGTH - suffix.length();
        if (name.length() > keep) {
            keep -= Character.isLowSurrogate(name.charAt(keep)) ? 1 : 0; // keep a character whole
            name = name.substring(0, keep).strip();
        }
        return name + suffix;
    }

    private static boolean isVstFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".fxp") || name.endsWith(".fxb");
    }

    /** A VST program name holds 27 bytes: say what hosts (and a later import of the file) will show instead. */
    private void noteShortenedName(Preset p) {
        String shown = VstPatchFiles.shownName(p.name());
        if (!shown.equals(p.name())) {
            root.err().println("note: VST program names hold 27 bytes: hosts show \"" + p.name() + "\" as \"" + shown
                    + "\" (a .json export keeps the full name)");
        }
    }
}
