package org.percepnet4j.ui;

import java.awt.GraphicsEnvironment;
import java.lang.reflect.InvocationTargetException;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.percepnet4j.engine.Processor;

/**
 * The editor in its own window, for a plugin host: open and close may be called from any thread (the host's UI
 * thread, typically), the Swing work happens on the event thread. Closing the window stops the editor's timer, so
 * nothing runs for a closed editor. Embedding in the host's native window is not possible from pure Java on every
 * platform; a host bridge that cannot embed opens this floating window instead.
 */
public final class PluginEditorWindow {

    private final JFrame frame;
    private final EditorPanel panel;

    private PluginEditorWindow(JFrame frame, EditorPanel panel) {
        this.frame = frame;
        this.panel = panel;
    }

    /**
     * Opens an editor window on {@code processor}.
     *
     * @param gestures host notifications for automation (begin/changed/end), or null
     * @throws IllegalStateException when the JVM has no display (headless)
     */
    public static PluginEditorWindow open(Processor processor, ProcessorEditorModel.GestureListener gestures,
                                          String title) {
        if (GraphicsEnvironment.isHeadless()) {
            throw new IllegalStateException("no display: the editor cannot open (java.awt.headless=true or no DISPLAY)");
        }
        ProcessorEditorModel model = new ProcessorEditorModel(processor, PresetStore.standard(), gestures);
        return onEdt(() -> {
            Theme.install();
            EditorPanel panel = new EditorPanel(model);
            JFrame f = new JFrame(title);
            f.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
            f.setContentPane(panel);
            f.pack();
            f.setLocationByPlatform(true);
            f.setVisible(true);
            return new PluginEditorWindow(f, panel);
        });
    }

    /** Closes the window (idempotent); the editor's timer stops with it. */
    public void close() {
        onEdt(() -> {
            frame.dispose();
            return null;
        });
    }

    /** True while the window is on screen (the user may close it at any time). */
    public boolean isShowing() {
        return onEdt(frame::isShowing);
    }

    public EditorPanel panel() {
        return panel;
    }

    public JFrame frame() {
        return frame;
    }

    private interface Task<T> {
        T run();
    }

    private static <T> T onEdt(Task<T> task) {
        if (SwingUtilities.isEventDispatchThread()) {
            return task.run();
        }
        Object[] result = {null};
        try {
            SwingUtilities.invokeAndWait(() -> result[0] = task.run());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the editor", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the editor failed: " + e.getCause(), e.getCause());
        }
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }
}
