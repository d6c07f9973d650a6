package org.percepnet4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.percepnet4j.engine.GainModel;
import org.percepnet4j.presets.PresetLibrary;

/** Runs the real command line in-process with a test model and a private user-preset folder. */
public final class CliRunner {

    /** What a run printed and returned. */
    public record Result(int exit, String out, String err) {
    }

    private final GainModel model;
    private final Path presetDir;

    public CliRunner(GainModel model, Path presetDir) {
        this.model = model;
        this.presetDir = presetDir;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(() -> model, new PresetLibrary(presetDir), new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
