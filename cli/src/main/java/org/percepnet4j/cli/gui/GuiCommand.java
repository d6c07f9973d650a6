package org.percepnet4j.cli.gui;

import java.awt.Window;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.swing.SwingUtilities;
import org.percepnet4j.cli.PercepnetCommand;
import org.percepnet4j.ui.PresetStore;
import org.percepnet4j.ui.app.PercepnetApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code percepnet gui}: the standalone Swing app (open, adjust, render, A/B, save), with the CLI's model choice. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the standalone app: load files, pick a preset, render, compare A/B and save.")
public final class GuiCommand implements Callable<Integer> {

    @ParentCommand
    PercepnetCommand root;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "audio files to open (WAV or AIFF)")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        String[] names = files.stream().map(Path::toString).toArray(String[]::new);
        try {
            PercepnetApp.launch(names, root::model, PresetStore.standard());
            // Main exits the JVM when a command returns, so stay until the user closes the app's windows.
            SwingUtilities.invokeAndWait(() -> { }); // the app's window is shown by now (launch queued it first)
            while (anyWindowOpen()) {
                Thread.sleep(250);
            }
            return 0;
        } catch (IllegalStateException e) {
            root.err().println("percepnet gui: " + e.getMessage());
            return PercepnetCommand.EXIT_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (InvocationTargetException e) {
            root.err().println("percepnet gui: " + e.getCause().getMessage());
            return PercepnetCommand.EXIT_FAILURE;
        }
    }

    private static boolean anyWindowOpen() {
        for (Window w : Window.getWindows()) {
            if (w.isDisplayable()) {
                return true;
            }
        }
        return false;
    }
}
