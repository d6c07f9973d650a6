package org.percepnet4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.percepnet4j.cli.bench.BenchCommand;
import org.percepnet4j.cli.denoise.DenoiseCommand;
import org.percepnet4j.cli.gui.GuiCommand;
import org.percepnet4j.cli.live.LiveCommand;
import org.percepnet4j.cli.presets.PresetsCommand;
import org.percepnet4j.cli.spectrogram.SpectrogramCommand;
import org.percepnet4j.engine.GainModel;
import org.percepnet4j.models.Models;
import org.percepnet4j.presets.PresetLibrary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code percepnet} command: the parent of every subcommand and the holder of what they share. */
@Command(name = "percepnet", mixinStandardHelpOptions = true, versionProvider = PercepnetCommand.Version.class,
        description = "PercepNet speech denoiser: offline render, presets, spectrograms, live monitoring, benchmarks, app.",
        subcommands = {DenoiseCommand.class, PresetsCommand.class, SpectrogramCommand.class, LiveCommand.class,
            BenchCommand.class, GuiCommand.class, CommandLine.HelpCommand.class})
public final class PercepnetCommand implements Runnable {

    /** Exit code when some work failed (a bad input file, no audio device). */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for a bad command line (picocli's convention). */
    public static final int EXIT_USAGE = 2;

    private final ModelSource models;
    private final PresetLibrary presets;
    private GainModel model;

    @Spec
    CommandSpec spec;

    @CommandLine.Option(names = "--model", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "a weight file (.safetensors) to use instead of the trained default model")
    Path modelFile;

    public PercepnetCommand(ModelSource models, PresetLibrary presets) {
        this.models = models;
        this.presets = presets;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The model, loaded on first use and shared by all files and threads (models are immutable). */
    public synchronized GainModel model() {
        if (model == null) {
            if (modelFile != null && !Files.isRegularFile(modelFile)) {
                throw new IllegalStateException("cannot load the denoising model: " + modelFile
                        + (Files.isDirectory(modelFile) ? ": is a folder" : ": no such file"));
            }
            try {
                model = modelFile != null ? Models.load(modelFile) : models.load();
            } catch (Exception e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                // Some I/O errors say only "Is a directory" or the bare path: always name the file.
                if (modelFile != null && !why.contains(modelFile.toString())) {
                    why = modelFile + ": " + why;
                }
                throw new IllegalStateException("cannot load the denoising model: " + why, e);
            }
        }
        return model;
    }

    public PresetLibrary presets() {
        return presets;
    }

    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    public PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Version from the jar manifest (set by Maven), else "development". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PercepnetCommand.class.getPackage().getImplementationVersion();
            return new String[] {"percepnet " + (v == null ? "(development build)" : v)};
        }
    }
}
