package org.percepnet4j.cli;

import java.io.PrintWriter;
import org.percepnet4j.models.Models;
import org.percepnet4j.presets.PresetLibrary;
import picocli.CommandLine;

/** Entry point of the {@code percepnet} launcher script. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(Models::loadDefault, PresetLibrary.standard(), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), args));
    }

    private static void giveVersionTo(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandSpec().version().length == 0) {
                sub.getCommandSpec().versionProvider(new PercepnetCommand.Version());
            }
            giveVersionTo(sub);
        }
    }

    /**
     * Runs one command line and returns its exit code: 0 success, 1 failure (the reason is printed as one line),
     * 2 bad usage.
     */
    public static int run(ModelSource models, PresetLibrary presets, PrintWriter out, PrintWriter err,
            String... args) {
        CommandLine cl = new CommandLine(new PercepnetCommand(models, presets));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        giveVersionTo(cl); // picocli does not pass the root's version provider down: -V on a subcommand printed ""
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Expected failures (bad files, no device) arrive as exceptions with a message meant for people.
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            commandLine.getErr().println("percepnet: " + msg);
            commandLine.getErr().flush();
            return PercepnetCommand.EXIT_FAILURE;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) { // an Error passes picocli's handler; say what to do instead of a stack trace
            err.println("percepnet: out of memory; give Java more with PERCEPNET_JAVA_OPTS=-Xmx8g (for example)");
            code = PercepnetCommand.EXIT_FAILURE;
        }
        out.flush();
        err.flush();
        return code;
    }
}
