package org.percepnet4j.vst;

import java.awt.Dimension;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.swing.SwingUtilities;
import org.percepnet4j.engine.Processor;
import org.percepnet4j.ui.EditorPanel;
import org.percepnet4j.ui.PluginEditorWindow;
import org.percepnet4j.ui.PresetStore;
import org.percepnet4j.ui.ProcessorEditorModel;
import org.percepnet4j.ui.Theme;

/**
 * The plugin's editor for a VST2 host on X11: the ui-swing {@link EditorPanel} embedded in the window the host passes
 * to effEditOpen, or, when embedding is not possible, the floating {@link PluginEditorWindow}.
 *
 * <p>Embedding uses the JDK's {@code sun.awt.X11.XEmbeddedFrame} created as a plain child of the host's window (no
 * XEmbed protocol: hosts such as Ardour pass an ordinary X window). The class is internal to {@code java.desktop};
 * the shim exports its package when it creates the JVM ({@code --add-exports java.desktop/sun.awt.X11=ALL-UNNAMED}).
 * The project compiles with {@code --release 17}, which cannot see internal packages, so the one constructor is looked
 * up reflectively; everything else is plain {@link Frame} API. If the class is missing or not exported (a JVM started
 * by someone else), or creating the frame fails, the editor opens as a floating window instead (the next-safest option
 * in vst2-abi.md §12); if that fails too (headless, no X server), there is no editor and the host shows its own
 * controls. Nothing here throws to the caller: every failure becomes a false return plus a note for the shim's log.
 *
 * <p>Threads: methods are called from the host's GUI thread (effEdit* opcodes) or the main thread (effClose); the
 * Swing work runs on the event thread, waited for with a generous timeout so that a stuck event thread can never
 * hang the host for ever. Event-thread tasks run in order, so a close always runs after the open it follows.
 */
final class PluginEditor {

    /** How the editor is shown. */
    enum Mode { CLOSED, EMBEDDED, FLOATING }

    static final String EMBEDDED_FRAME_CLASS = "sun.awt.X11.XEmbeddedFrame";
    private static final long EDT_TIMEOUT_SECONDS = 60;

    private final Processor processor;
    private final ProcessorEditorModel.GestureListener gestures;
    private final String title;
    // Event thread only:
    private EditorPanel panel;
    private Frame embedded;
    private PluginEditorWindow floating;
    // Any thread:
    private volatile Mode mode = Mode.CLOSED;
    private volatile String note = "";

    PluginEditor(Processor processor, ProcessorEditorModel.GestureListener gestures, String title) {
        this.processor = Objects.requireNonNull(processor, "processor");
        this.gestures = gestures;
        this.title = title;
    }

    /**
     * True when this JVM can show a Swing editor: not headless, an X display named, and the JDK's X11 toolkit present
     * (headless JREs such as openjdk-17-jre-headless lack it). Does not start the toolkit: cheap enough for every
     * instantiation, scanners included.
     */
    static boolean available() {
        try {
            if (GraphicsEnvironment.isHeadless()) {
                return false;
            }
            String display = System.getenv("DISPLAY");
            if (display == null || display.isBlank()) {
                return false;
            }
            return Files.exists(Path.of(System.getProperty("java.home"), "lib", "libawt_xawt.so"));
        } catch (Throwable e) {
            return false;
        }
    }

    /** The editor's preferred size packed as {@code width << 16 | height}, or -1 when it cannot be built. */
    int preferredSize() {
        try {
            Dimension d = onEdt(() -> {
                Dimension size = panel().getPreferredSize();
                return new Dimension(size.width, size.height);
            });
            int w = Math.max(1, Math.min(d.width, 0x7fff));
            int h = Math.max(1, Math.min(d.height, 0x7fff));
            return w << 16 | h;
        } catch (Throwable e) {
            setNote("the editor cannot be built: " + describe(e));
            return -1;
        }
    }

    /**
     * Opens the editor in the host's X11 window {@code parentWindow} (0: none given), else as a floating window.
     *
     * @return true when an editor is showing
     */
    boolean open(long parentWindow) {
        try {
            Mode opened = onEdt(() -> openOnEdt(parentWindow));
            mode = opened;
            return opened != Mode.CLOSED;
        } catch (Throwable e) {
            setNote("the editor did not open: " + describe(e));
            closeLater();
            return false;
        }
    }

    /** Closes the editor (idempotent); waits for the event thread up to the timeout. */
    void close() {
        mode = Mode.CLOSED;
        try {
            onEdt(() -> {
                closeOnEdt();
                return null;
            });
        } catch (Throwable e) {
            setNote("closing the editor: " + describe(e));
        }
    }

    Mode mode() {
        return mode;
    }

    /** The latest note for the log (fallbacks and failures), cleared by reading; empty when nothing happened. */
    String takeNote() {
        String n = note;
        note = "";
        return n;
    }

    // ---- event thread --------------------------------------------------------------------------------------------

    private EditorPanel panel() {
        if (panel == null) {
            Theme.install();
            panel = new EditorPanel(new ProcessorEditorModel(processor, PresetStore.standard(), gestures));
        }
        return panel;
    }

    private Mode openOnEdt(long parentWindow) {
        closeOnEdt();
        if (parentWindow != 0) {
            try {
                EditorPanel p = panel();
                Dimension size = p.getPreferredSize();
                Frame f = newEmbeddedFrame(parentWindow);
                f.setLayout(new java.awt.BorderLayout());
                f.add(p);
                f.setBounds(0, 0, size.width, size.height);
                f.validate();
                f.setVisible(true);
                embedded = f;
                return Mode.EMBEDDED;
            } catch (Throwable e) {
                setNote("cannot embed the editor in the host's window (" + describe(e)
                        + "): opening it as a floating window");
                closeOnEdt();
                panel = null; // a panel that was inside a failed frame is not reused
            }
        } else {
            setNote("the host gave no parent window: opening the editor as a floating window");
        }
        try {
            floating = PluginEditorWindow.open(processor, gestures, title);
            return Mode.FLOATING;
        } catch (Throwable e) {
            setNote("the editor cannot open (" + describe(e) + "): the host's generic controls remain");
            floating = null;
            return Mode.CLOSED;
        }
    }

    private void closeOnEdt() {
        if (embedded != null) {
            Frame f = embedded;
            embedded = null;
            f.removeAll(); // detaches the panel (its meter timer stops) so the next open can reuse it
            f.dispose();
        }
        if (floating != null) {
            PluginEditorWindow w = floating;
            floating = null;
            w.close();
        }
    }

    /** {@code new XEmbeddedFrame(parentWindow, false)}: a frame whose X window is a child of the host's window. */
    private static Frame newEmbeddedFrame(long parentWindow) throws ReflectiveOperationException {
        Class<?> c = Class.forName(EMBEDDED_FRAME_CLASS);
        Constructor<?> constructor = c.getConstructor(long.class, boolean.class);
        return (Frame) constructor.newInstance(parentWindow, false);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void closeLater() {
        try {
            SwingUtilities.invokeLater(this::closeOnEdt); // runs after the open task, whenever that finishes
        } catch (RuntimeException | LinkageError ignored) {
            // no event thread: nothing was opened
        }
    }

    /** Adds to the note (an embedding failure and then a floating failure both belong in the log). */
    private void setNote(String text) {
        String n = note;
        note = n.isEmpty() ? text : n + "; " + text;
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.lang.reflect.InvocationTargetException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        String text = t.getClass().getName() + (message == null ? "" : ": " + message);
        return text.replace('\n', ' ');
    }

    private static <T> T onEdt(Callable<T> task) throws Exception {
        if (SwingUtilities.isEventDispatchThread()) {
            return task.call();
        }
        FutureTask<T> future = new FutureTask<>(task);
        SwingUtilities.invokeLater(future);
        try {
            return future.get(EDT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the Swing event thread did not answer within " + EDT_TIMEOUT_SECONDS
                    + " s", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
