package org.percepnet4j.vst.testing;

import java.awt.Component;
import java.awt.Container;
import java.awt.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.accessibility.AccessibleValue;
import javax.swing.AbstractButton;
import javax.swing.SwingUtilities;

/**
 * Drives the plugin's open editors for the native test host (test_host.c --editor), which calls these static methods
 * through JNI: it finds the editor's controls by name in every showing window (the embedded frame inside the host's
 * window included) and operates them on the Swing event thread the way a user or a screen reader would, so that the
 * editor model, its gesture listener and the shim's host callbacks all run for real.
 *
 * <p>Every method returns a plain int (-1: not found or failed) and never throws.
 */
public final class EditorDriver {

    private EditorDriver() {
    }

    /** Clicks the toggle button of the switch parameter {@code key} (e.g. "bypass") in editor number {@code which}. */
    public static int clickToggle(int which, String key) {
        return onEdt(() -> {
            Component c = find(which, "toggle." + key);
            if (!(c instanceof AbstractButton b)) {
                return -1;
            }
            b.doClick(0);
            return 1;
        });
    }

    /** 1 when the toggle of {@code key} is selected, 0 when not, -1 when there is no such control. */
    public static int toggleState(int which, String key) {
        return onEdt(() -> find(which, "toggle." + key) instanceof AbstractButton b ? (b.isSelected() ? 1 : 0) : -1);
    }

    /** Sets the slider of {@code key} to a plain value through its accessible value (one begin/set/end gesture). */
    public static int setSlider(int which, String key, double plainValue) {
        return onEdt(() -> {
            Component c = find(which, "slider." + key);
            if (c == null || c.getAccessibleContext() == null) {
                return -1;
            }
            AccessibleValue v = c.getAccessibleContext().getAccessibleValue();
            return v != null && v.setCurrentAccessibleValue(plainValue) ? 1 : -1;
        });
    }

    /** How many editor panels are showing (embedded or floating). */
    public static int showingEditors() {
        return onEdt(() -> editors().size());
    }

    /** Converts a binary PPM (the test host's X11 screenshot) into a PNG; 1 when written. */
    public static int ppmToPng(String ppmPath, String pngPath) {
        try {
            byte[] data = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(ppmPath));
            String[] header = new String[4];
            int pos = 0;
            for (int field = 0; field < 4; field++) {
                while (Character.isWhitespace(data[pos])) {
                    pos++;
                }
                int start = pos;
                while (!Character.isWhitespace(data[pos])) {
                    pos++;
                }
                header[field] = new String(data, start, pos - start, java.nio.charset.StandardCharsets.US_ASCII);
            }
            pos++; // the single whitespace after maxval
            int width = Integer.parseInt(header[1]);
            int height = Integer.parseInt(header[2]);
            if (!"P6".equals(header[0]) || !"255".equals(header[3]) || data.length < pos + 3 * width * height) {
                return -1;
            }
            java.awt.image.BufferedImage image =
                    new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++, pos += 3) {
                    image.setRGB(x, y, (data[pos] & 0xff) << 16 | (data[pos + 1] & 0xff) << 8 | (data[pos + 2] & 0xff));
                }
            }
            return javax.imageio.ImageIO.write(image, "png", new java.io.File(pngPath)) ? 1 : -1;
        } catch (Exception | LinkageError e) {
            System.err.println("EditorDriver: " + e);
            return -1;
        }
    }

    private static List<Component> editors() {
        List<Component> found = new ArrayList<>();
        for (Window w : Window.getWindows()) {
            if (w.isShowing()) {
                collect(w, "editor", found);
            }
        }
        return found;
    }

    private static Component find(int which, String name) {
        List<Component> editors = editors();
        if (which < 0 || which >= editors.size()) {
            return null;
        }
        List<Component> found = new ArrayList<>();
        collect(editors.get(which), name, found);
        return found.isEmpty() ? null : found.get(0);
    }

    private static void collect(Component c, String name, List<Component> found) {
        if (name.equals(c.getName()) && c.isShowing()) {
            found.add(c);
            return;
        }
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                collect(child, name, found);
            }
        }
    }

    private interface Task {
        int run();
    }

    private static int onEdt(Task task) {
        AtomicInteger result = new AtomicInteger(-1);
        try {
            SwingUtilities.invokeAndWait(() -> result.set(task.run()));
        } catch (Exception | LinkageError e) {
            System.err.println("EditorDriver: " + e);
            return -1;
        }
        return result.get();
    }
}
