package org.percepnet4j.cli;

import java.io.IOException;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.presets.FactoryPresets;
import org.percepnet4j.presets.ParameterSet;
import org.percepnet4j.presets.Preset;
import org.percepnet4j.presets.PresetLibrary;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The denoiser settings shared by {@code denoise} and {@code live}: a preset, then single values on top. */
public final class ParameterOptions {

    @Option(names = "--preset", paramLabel = "NAME|FILE",
            description = "factory or user preset name, or a .json/.fxp/.fxb file (default: Default)")
    String preset;

    @Option(names = "--strength", paramLabel = "DB",
            description = "suppression: how far below its level noise may be pulled, 0 to 100 dB")
    Double strength;

    @Option(names = "--post-filter", paramLabel = "PCT", description = "post-filter amount, 0 to 100 %%")
    Double postFilter;

    @Option(names = "--lookahead", paramLabel = "MS", description = "look-ahead: 0, 10 or 20 ms")
    Double lookahead;

    @Option(names = "--output-gain", paramLabel = "DB", description = "make-up gain, -24 to 12 dB")
    Double outputGain;

    @Option(names = "--dual-mono", description = "process each channel on its own (default: linked)")
    Boolean dualMono;

    /**
     * The preset with the explicit options applied.
     *
     * @throws CommandLine.ParameterException naming the option and its allowed values, or why the preset (an
     *                                         unknown name, an unreadable or invalid file) cannot be used
     */
    public ParameterSet resolve(PresetLibrary library, CommandLine commandLine) {
        Preset base;
        try {
            base = preset == null ? FactoryPresets.DEFAULT : library.resolve(preset);
        } catch (IOException e) { // an unknown name or a bad file is a bad command line (exit 2), like a bad number
            throw new CommandLine.ParameterException(commandLine, "--preset: " + e.getMessage());
        }
        ParameterSet set = base.parameters();
        set = override(commandLine, set, Parameter.SUPPRESSION, strength, "--strength");
        set = override(commandLine, set, Parameter.POST_FILTER, postFilter, "--post-filter");
        set = override(commandLine, set, Parameter.LOOKAHEAD, lookahead, "--lookahead");
        set = override(commandLine, set, Parameter.OUTPUT_GAIN, outputGain, "--output-gain");
        Double dual = dualMono == null ? null : dualMono ? 1.0 : 0.0;
        return override(commandLine, set, Parameter.DUAL_MONO, dual, "--dual-mono");
    }

    private static ParameterSet override(CommandLine cl, ParameterSet set, Parameter p, Double value, String option) {
        if (value == null) {
            return set;
        }
        if (!ParameterSet.isValid(p, value)) {
            throw new CommandLine.ParameterException(cl, option + ": " + number(value)
                    + " is not allowed (allowed " + ParameterSet.allowedValues(p) + ")");
        }
        return set.with(p, value);
    }

    /** Numbers as people type them: "120", "12.5". */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
