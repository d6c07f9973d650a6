package org.percepnet4j.ui;

import java.awt.AWTEvent;
import java.awt.AWTException;
import java.awt.Component;
import java.awt.Image;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.AWTEventListener;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.awt.image.MultiResolutionImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.swing.JComboBox;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.engine.Processor;
import org.percepnet4j.presets.PresetLibrary;
import org.percepnet4j.ui.app.AudioClip;
import org.percepnet4j.ui.app.AudioFiles;
import org.percepnet4j.ui.app.PercepnetApp;

/**
 * Runs in its own JVM on an X display (see {@link XvfbScreenshotTest}): drives the editor and the app with real
 * input events and saves screenshots. Exits 0 when every check passed, 1 with a message otherwise.
 *
 * <p>Every step waits for its own outcome (its input events dispatched, a value reached, a window shown), never for
 * the whole UI to fall idle: {@link Robot#waitForIdle} waits until the event queue stays empty, which an editor
 * with running meters (a repaint every frame) rarely is, so it often sat out its 10 s timeout on a busy machine.
 *
 * <p>Arguments: {@code all|editor-2x SCREENSHOT_DIR WORK_DIR}.
 */
public final class ScreenshotScenario {

    /** When the scenario JVM started its work: every output line carries the seconds since then. */
    private static final long START = System.nanoTime();

    /** How long one step may take to show its outcome before the scenario fails, naming the step. */
    private static final long STEP_TIMEOUT_MS = 20_000;

    private final Robot robot;
    private final DispatchedInput input = new DispatchedInput();
    private final Path shots;
    private final Path work;

    private ScreenshotScenario(Path shots, Path work) throws AWTException {
        this.robot = new Robot();
        this.robot.setAutoDelay(15);
        this.shots = shots;
        this.work = work;
        Toolkit.getDefaultToolkit().addAWTEventListener(input, AWTEvent.MOUSE_EVENT_MASK | AWTEvent.KEY_EVENT_MASK);
    }

    /**
     * Counts the button and key releases the event thread has dispatched, and in which window: a step that sent
     * input through the Robot waits until its last release arrived, which is then handled in full.
     */
    private static final class DispatchedInput implements AWTEventListener {
        private final AtomicLong mouseReleases = new AtomicLong();
        private final AtomicLong keyReleases = new AtomicLong();
        private volatile Window lastMouseWindow;

        @Override
        public void eventDispatched(AWTEvent e) {
            if (e.getID() == MouseEvent.MOUSE_RELEASED) {
                lastMouseWindow = SwingUtilities.getWindowAncestor((Component) e.getSource());
                mouseReleases.incrementAndGet();
            } else if (e.getID() == KeyEvent.KEY_RELEASED) {
                keyReleases.incrementAndGet();
            }
        }
    }

    public static void main(String[] args) {
        try {
            ScreenshotScenario s = new ScreenshotScenario(Path.of(args[1]), Path.of(args[2]));
            log("robot ready");
            SwingUtilities.invokeAndWait(Theme::install);
            log("theme installed");
            if (args[0].equals("editor-2x")) {
                s.editor("editor-2x");
            } else {
                s.editor("editor");
                s.app();
            }
            log("scenario passed");
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.exit(1);
        }
    }

    static <T> T edt(Callable<T> c) throws Exception {
        Object[] r = {null};
        Throwable[] err = {null};
        SwingUtilities.invokeAndWait(() -> {
            try {
                r[0] = c.call();
            } catch (Throwable e) {
                err[0] = e;
            }
        });
        if (err[0] instanceof Exception e) {
            throw e;
        }
        if (err[0] != null) {
            throw new AssertionError(err[0]);
        }
        @SuppressWarnings("unchecked")
        T t = (T) r[0];
        return t;
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("check failed: " + what);
        }
        log("ok: " + what);
    }

    /** Prints a line prefixed with the elapsed seconds, so a slow step shows in the log. */
    static void log(String line) {
        System.out.printf(java.util.Locale.ROOT, "[%7.2fs] %s%n", (System.nanoTime() - START) / 1e9, line);
        System.out.flush();
    }

    /**
     * Waits until {@code condition} (evaluated on the event thread) holds, then logs it as passed; fails naming
     * {@code what} after {@link #STEP_TIMEOUT_MS}.
     */
    static void await(Callable<Boolean> condition, String what) throws Exception {
        check(waitFor(condition, STEP_TIMEOUT_MS), what);
    }

    /** Polls {@code condition} on the event thread until it holds or {@code timeoutMs} passed; says which. */
    static boolean waitFor(Callable<Boolean> condition, long timeoutMs) throws Exception {
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!edt(condition)) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /**
     * Lets the event thread finish what is queued now, twice: once for the events already posted, once for what
     * their handlers posted in turn (focus changes, invokeLater from listeners).
     */
    static void flushEdt() throws Exception {
        edt(() -> null);
        edt(() -> null);
    }

    /** Waits until the event thread dispatched {@code count} more mouse releases than {@code before}. */
    private void awaitMouseReleases(long before, int count, String what) throws Exception {
        await(() -> input.mouseReleases.get() >= before + count, what + ": the mouse release reached the window");
        flushEdt();
    }

    private void awaitKeyReleases(long before, int count, String what) throws Exception {
        await(() -> input.keyReleases.get() >= before + count, what + ": the key release reached the focused window");
        flushEdt();
    }

    private Point thumbOnScreen(ParameterSlider s) throws Exception {
        return edt(() -> {
            int r = (int) Math.ceil(s.getFontMetrics(s.getFont()).getHeight() * 0.42) + 2;
            int x = (int) Math.round(r + s.control().position() * (s.getWidth() - 2 * r));
            Point p = new Point(x, s.getHeight() / 2);
            SwingUtilities.convertPointToScreen(p, s);
            return p;
        });
    }

    /**
     * Without a window manager a new window only gets the keyboard after a click; click an empty corner of it
     * until the click lands in the window (it is mapped where Java thinks it is) and the window is focused.
     */
    private void focusWindow(java.awt.Window w, String what) throws Exception {
        await(w::isShowing, what + " is showing");
        Toolkit.getDefaultToolkit().sync();
        int attempts = 0;
        for (; attempts < 20 && !edt(w::isFocused); attempts++) {
            Point corner = edt(() -> {
                Point p = new Point(3, 3);
                SwingUtilities.convertPointToScreen(p, ((javax.swing.RootPaneContainer) w).getContentPane());
                return p;
            });
            edt(() -> {
                w.toFront();
                return null;
            });
            long before = input.mouseReleases.get();
            robot.mouseMove(corner.x, corner.y);
            robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
            robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
            // A click that missed (window not yet mapped there) is never dispatched: then try again.
            if (waitFor(() -> input.mouseReleases.get() > before && input.lastMouseWindow == w, 1000)) {
                waitFor(w::isFocused, 1000);
            }
        }
        int clicks = attempts;
        check(edt(w::isFocused), what + " has the keyboard focus (after " + clicks + " click(s))");
    }

    private void click(Point p, int count, String what) throws Exception {
        long before = input.mouseReleases.get();
        robot.mouseMove(p.x, p.y);
        for (int i = 0; i < count; i++) {
            robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
            robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        }
        awaitMouseReleases(before, count, what);
    }

    private void key(int code, boolean shift, String what) throws Exception {
        long before = input.keyReleases.get();
        if (shift) {
            robot.keyPress(KeyEvent.VK_SHIFT);
        }
        robot.keyPress(code);
        robot.keyRelease(code);
        if (shift) {
            robot.keyRelease(KeyEvent.VK_SHIFT);
        }
        awaitKeyReleases(before, shift ? 2 : 1, what);
    }

    /**
     * Captures {@code c} as it is on the X screen. It is painted in full first and the X server has processed the
     * drawing before the capture, so the picture never shows a half-finished layout.
     */
    private void screenshot(Component c, String name) throws Exception {
        await(() -> c.isShowing() && c.isValid() && c.getWidth() > 0, name + " is laid out on screen");
        edt(() -> {
            javax.swing.JRootPane root = SwingUtilities.getRootPane(c);
            root.paintImmediately(0, 0, root.getWidth(), root.getHeight());
            return null;
        });
        Toolkit.getDefaultToolkit().sync();
        Rectangle r = edt(() -> {
            Point p = c.getLocationOnScreen();
            return new Rectangle(p.x, p.y, c.getWidth(), c.getHeight());
        });
        MultiResolutionImage mri = robot.createMultiResolutionScreenCapture(r);
        List<Image> variants = mri.getResolutionVariants();
        Image largest = variants.get(variants.size() - 1); // device pixels at HiDPI
        BufferedImage img = new BufferedImage(largest.getWidth(null), largest.getHeight(null), BufferedImage.TYPE_INT_RGB);
        img.getGraphics().drawImage(largest, 0, 0, null);
        Files.createDirectories(shots);
        javax.imageio.ImageIO.write(img, "png", shots.resolve(name + ".png").toFile());
        log("screenshot " + name + ".png " + img.getWidth() + "x" + img.getHeight());
    }

    /** Feeds generated noisy speech to a processor at about real time, like a host's audio thread. */
    private static Thread fakeAudioThread(Processor p, AtomicBoolean run) {
        float[][] signal = TestSignals.noisyVoice(48000, 2, 4.0, 5, 11);
        Thread t = new Thread(() -> {
            float[][] in = new float[2][480];
            float[][] out = new float[2][480];
            int pos = 0;
            long next = System.nanoTime();
            while (run.get()) {
                for (int c = 0; c < 2; c++) {
                    System.arraycopy(signal[c], pos, in[c], 0, 480);
                }
                p.process(in, out, 480);
                pos = (pos + 480) % (signal[0].length - 480);
                next += 10_000_000L;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(sleep);
                }
            }
        }, "fake-audio");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void editor(String name) throws Exception {
        Processor proc = new Processor(new ConstantGainModel(0.3f));
        proc.prepare(48000, 480, 2);
        AtomicBoolean run = new AtomicBoolean(true);
        fakeAudioThread(proc, run);
        // As a plugin host opens it: from a non-Swing thread, through PluginEditorWindow.
        System.setProperty(PresetLibrary.USER_DIR_PROPERTY, work.resolve("presets-" + name).toString());
        log("step: open the editor window");
        PluginEditorWindow window = PluginEditorWindow.open(proc, null, "percepnet4j editor");
        JFrame frame = window.frame();
        edt(() -> {
            frame.setLocation(20, 20);
            return null;
        });
        EditorPanel panel = (EditorPanel) frame.getContentPane();
        await(panel::refreshing, "meter timer runs while the editor is showing");

        // Keyboard: focus the suppression slider by clicking its thumb (no jump), then arrow keys.
        focusWindow(frame, "the editor window");
        ParameterSlider strength = panel.slider(Parameter.SUPPRESSION);
        click(thumbOnScreen(strength), 1, "click on the thumb");
        await(strength::isFocusOwner, "a click on the thumb focuses the slider");
        check(proc.getParameter(Parameter.SUPPRESSION) == 40.0, "a click on the thumb does not move the value");
        key(KeyEvent.VK_RIGHT, false, "Right");
        key(KeyEvent.VK_RIGHT, false, "Right");
        check(proc.getParameter(Parameter.SUPPRESSION) == 42.0, "two Right arrows: 40 -> 42 dB");
        key(KeyEvent.VK_LEFT, true, "Shift+Left");
        check(proc.getParameter(Parameter.SUPPRESSION) == 41.5, "Shift+Left is a fine step: 41.5 dB");
        key(KeyEvent.VK_TAB, false, "Tab");
        await(() -> panel.field(Parameter.SUPPRESSION).isFocusOwner(), "Tab moves on to the value field");

        // Mouse: drag the output gain down, then double-click resets it.
        ParameterSlider gain = panel.slider(Parameter.OUTPUT_GAIN);
        Point t = thumbOnScreen(gain);
        long releases = input.mouseReleases.get();
        robot.mouseMove(t.x, t.y);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        for (int i = 1; i <= 10; i++) {
            robot.mouseMove(t.x - 6 * i, t.y);
        }
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        awaitMouseReleases(releases, 1, "drag");
        double dragged = proc.getParameter(Parameter.OUTPUT_GAIN);
        check(dragged < -1, "dragging the output gain left lowers it (" + dragged + " dB)");
        click(thumbOnScreen(gain), 2, "double-click on the thumb");
        check(proc.getParameter(Parameter.OUTPUT_GAIN) == 0.0, "double-click resets output gain to 0 dB");

        // Preset menu: choose "Podcast studio" as the user would with the combo box.
        JComboBox<?> menu = (JComboBox<?>) EditorPanelTest.find(panel, "presetMenu");
        edt(() -> {
            for (int i = 0; i < menu.getItemCount(); i++) {
                if (menu.getItemAt(i).toString().equals("Podcast studio")) {
                    menu.setSelectedIndex(i);
                }
            }
            return null;
        });
        await(() -> proc.getParameter(Parameter.SUPPRESSION) == 24.0 && proc.getParameter(Parameter.POST_FILTER) == 0.0,
                "choosing Podcast studio sets 24 dB / 0 %");
        // Toggle: listen to removed noise with the keyboard (focus + space).
        edt(() -> panel.toggle(Parameter.LISTEN_NOISE).requestFocusInWindow());
        await(() -> panel.toggle(Parameter.LISTEN_NOISE).isFocusOwner(), "the listen-to-removed toggle has the focus");
        key(KeyEvent.VK_SPACE, false, "Space");
        check(proc.getParameter(Parameter.LISTEN_NOISE) == 1.0, "Space on the toggle switches listen-to-removed on");
        key(KeyEvent.VK_SPACE, false, "Space");
        check(proc.getParameter(Parameter.LISTEN_NOISE) == 0.0, "and off again");
        // Save a user preset through the panel and find it in the menu.
        edt(() -> panel.savePreset("Scenario preset"));
        check(edt(() -> menu.getSelectedItem().toString()).equals("Scenario preset (user)"),
                "a saved user preset appears in the menu and is selected");

        // The meters follow the fake audio; then resize and take the picture.
        await(() -> panel.meters().active() && panel.meters().inputDb() > -60, "meters follow the running processor");
        check(edt(() -> panel.meters().latencyMs()) > 0, "latency is shown: " + edt(() -> panel.meters().latencyText()));
        edt(() -> {
            // Resizable: grow it (within the screen) and let the layout use the room.
            Rectangle screen = frame.getGraphicsConfiguration().getBounds();
            frame.setSize(Math.min((int) (frame.getWidth() * 1.3), screen.width - 60),
                    Math.min((int) (frame.getHeight() * 1.15), screen.height - 60));
            frame.validate();
            return null;
        });
        screenshot(frame.getContentPane(), name);
        window.close();
        await(() -> !frame.isShowing(), "the editor window closed");
        await(() -> !panel.refreshing(), "closing the editor stops its timer");
        run.set(false);
    }

    private void app() throws Exception {
        Path wav = work.resolve("voice.wav");
        AudioFormat fmt = new AudioFormat(48000, 24, 2, true, false);
        AudioClip clip = new AudioClip(TestSignals.noisyVoice(48000, 2, 3.0, 5, 5), fmt, AudioFileFormat.Type.WAVE);
        AudioFiles.write(clip, wav);
        byte[] original = Files.readAllBytes(wav);
        PresetStore store = new PresetStore(new PresetLibrary(work.resolve("presets-app")));
        log("step: open the app window");
        PercepnetApp app = edt(() -> {
            PercepnetApp a = new PercepnetApp(new ConstantGainModel(0.3f), store);
            a.frame().setSize(1280, 860);
            a.frame().setLocation(10, 10);
            a.show();
            return a;
        });
        await(() -> app.frame().isShowing(), "the app window is showing");
        SwingWorker<?, ?> open = edt(() -> app.openFiles(List.of(wav, work.resolve("missing.wav"))));
        open.get();
        // done() runs on the event thread after get() returned: wait for what it shows.
        await(() -> app.fileCount() == 1 && app.statusText().startsWith("Could not open"), "the good file opened");
        check(edt(app::statusText).contains("missing.wav"), "the missing file is named in the status: "
                + edt(app::statusText));

        // Drag and drop: a second file (AIFF, 44.1 kHz mono 16-bit) dropped onto the window.
        Path aiff = work.resolve("second.aiff");
        AudioFiles.write(new AudioClip(TestSignals.noisyVoice(44100, 1, 1.5, 10, 9),
                new AudioFormat(44100, 16, 1, true, true), AudioFileFormat.Type.AIFF), aiff);
        boolean dropped = edt(() -> {
            javax.swing.JComponent root = app.frame().getRootPane();
            java.awt.datatransfer.Transferable t = new java.awt.datatransfer.Transferable() {
                @Override
                public java.awt.datatransfer.DataFlavor[] getTransferDataFlavors() {
                    return new java.awt.datatransfer.DataFlavor[] {java.awt.datatransfer.DataFlavor.javaFileListFlavor};
                }

                @Override
                public boolean isDataFlavorSupported(java.awt.datatransfer.DataFlavor f) {
                    return f.equals(java.awt.datatransfer.DataFlavor.javaFileListFlavor);
                }

                @Override
                public Object getTransferData(java.awt.datatransfer.DataFlavor f) {
                    return List.of(aiff.toFile());
                }
            };
            return app.frame().getTransferHandler().importData(new javax.swing.TransferHandler.TransferSupport(root, t));
        });
        check(dropped, "the window accepts a dropped file list");
        await(() -> app.fileCount() == 2, "the dropped AIFF opened");
        edt(() -> {
            javax.swing.JList<?> list = (javax.swing.JList<?>) EditorPanelTest.find(app.frame().getContentPane(), "files");
            list.setSelectedIndex(0);
            return null;
        });

        EditorPanel editor = app.editor();
        JComboBox<?> menu = (JComboBox<?>) EditorPanelTest.find(editor, "presetMenu");
        edt(() -> {
            for (int i = 0; i < menu.getItemCount(); i++) {
                if (menu.getItemAt(i).toString().equals("Podcast remote/call")) {
                    menu.setSelectedIndex(i);
                }
            }
            return null;
        });
        ParameterSlider strength = editor.slider(Parameter.SUPPRESSION);
        focusWindow(app.frame(), "the app window");
        click(thumbOnScreen(strength), 1, "click on the thumb");
        await(strength::isFocusOwner, "a click on the thumb focuses the app's slider");
        key(KeyEvent.VK_PAGE_DOWN, false, "Page Down");
        await(() -> editor.field(Parameter.SUPPRESSION).getText().equals("35.0 dB"),
                "preset 45 dB, Page Down: 35 dB shown");

        log("step: render two files");
        SwingWorker<?, ?> render = edt(app::render);
        check(render != null, "render started");
        render.get();
        await(() -> app.statusText().startsWith("Rendered"), "the render finished");
        float[][] out = edt(app::selectedResult);
        check(out != null && out.length == 2 && out[0].length == clip.frames(),
                "rendered result has the input's channels and length");
        double inRms = rms(clip.samples()[0]);
        double outRms = rms(out[0]);
        check(outRms > 0.05 * inRms && outRms < inRms, "the result is quieter than the input but not silent ("
                + String.format(java.util.Locale.ROOT, "%.4f vs %.4f", outRms, inRms) + ")");
        check(edt(app::statusText).startsWith("Rendered 2 file(s)"), "both files rendered: " + edt(app::statusText));

        // Play: works with an audio device, otherwise says so instead of failing.
        log("step: play");
        JButtonClick.click(app.frame(), "play");
        await(() -> app.statusText().startsWith("Playing") || app.statusText().startsWith("Playback unavailable"),
                "play reacts");
        log("play status: " + edt(app::statusText));
        JButtonClick.click(app.frame(), "stop");
        log("step: stop clicked");

        Path saved = work.resolve("voice-denoised.wav");
        check(edt(() -> app.saveSelected(saved)), "saved to a new file");
        AudioClip back = AudioFiles.read(saved);
        check(back.frames() == clip.frames() && back.format().getSampleSizeInBits() == 24 && back.channels() == 2,
                "saved file keeps rate, channels, 24-bit format and length");
        edt(() -> {
            app.setConfirmer((parent, title, message) -> false);
            return null;
        });
        check(!edt(() -> app.saveSelected(wav)), "saving over the original is refused without confirmation");
        check(java.util.Arrays.equals(Files.readAllBytes(wav), original), "the original is untouched");
        edt(() -> {
            app.setConfirmer((parent, title, message) -> true);
            return null;
        });
        Path folder = work.resolve("out");
        check(edt(() -> app.saveAll(folder)) == 2, "save all writes both results");
        check(Files.exists(folder.resolve("voice-denoised.wav")) && Files.exists(folder.resolve("second-denoised.aiff")),
                "under fresh -denoised names in their own formats");
        check(AudioFiles.read(folder.resolve("second-denoised.aiff")).frames() == (int) Math.round(44100 * 1.5),
                "the 44.1 kHz AIFF result keeps its length");
        // Cancel: a longer file, cancelled once the progress bar moves; the earlier results stay.
        log("step: cancel a long render");
        Path longFile = work.resolve("long.wav");
        AudioFiles.write(new AudioClip(TestSignals.noisyVoice(48000, 1, 40.0, 5, 13),
                new AudioFormat(48000, 16, 1, true, false), AudioFileFormat.Type.WAVE), longFile);
        edt(() -> app.openFiles(List.of(longFile))).get();
        await(() -> app.fileCount() == 3, "the long file opened");
        SwingWorker<?, ?> longRender = edt(app::render);
        await(() -> longRender.getProgress() > 0 || longRender.isDone(), "the long render is under way");
        JButtonClick.click(app.frame(), "cancel");
        await(() -> app.statusText().startsWith("Render cancelled"), "Cancel stops the render");
        edt(() -> {
            javax.swing.JList<?> list = (javax.swing.JList<?>) EditorPanelTest.find(app.frame().getContentPane(), "files");
            list.setSelectedIndex(0);
            return null;
        });
        check(edt(app::selectedResult) != null, "results rendered before the cancel stay available");
        // Restore a friendly status for the picture.
        edt(() -> app.saveSelected(work.resolve("voice-denoised-2.wav")));
        screenshot(app.frame().getContentPane(), "app");
        edt(() -> {
            app.frame().dispose();
            return null;
        });
    }

    private static double rms(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v * v;
        }
        return Math.sqrt(s / x.length);
    }

    /** Presses a named button the way a user would (through its model), on the event thread. */
    static final class JButtonClick {
        static void click(JFrame f, String name) throws Exception {
            edt(() -> {
                javax.swing.AbstractButton b = (javax.swing.AbstractButton) EditorPanelTest.find(f.getContentPane(), name);
                if (b == null) {
                    throw new AssertionError("no button " + name);
                }
                b.doClick();
                return null;
            });
        }
    }
}
