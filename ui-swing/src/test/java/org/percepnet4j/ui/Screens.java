package org.percepnet4j.ui;

import java.awt.Component;
import java.awt.Container;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Painting components into images (also without a screen) and saving them as PNG build artifacts. */
public final class Screens {

    private Screens() {
    }

    /** Where screenshots go: ui-swing/target/screenshots (or the system property percepnet.screenshots). */
    public static Path dir() {
        String p = System.getProperty("percepnet.screenshots");
        return Path.of(p != null ? p : "target/screenshots");
    }

    /** Lays out a component tree that is not in a window (headless tests). */
    public static void layoutTree(Component c) {
        if (c instanceof Container k) {
            k.doLayout();
            for (Component child : k.getComponents()) {
                layoutTree(child);
            }
        }
    }

    /** Paints {@code c} at {@code scale} device pixels per unit, as a HiDPI screen would. */
    public static BufferedImage paint(Component c, double scale) {
        int w = (int) Math.ceil(c.getWidth() * scale);
        int h = (int) Math.ceil(c.getHeight() * scale);
        BufferedImage img = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(scale, scale);
        c.paint(g);
        g.dispose();
        return img;
    }

    public static Path save(BufferedImage img, String name) throws IOException {
        Files.createDirectories(dir());
        Path f = dir().resolve(name + ".png");
        ImageIO.write(img, "png", f.toFile());
        return f;
    }

    /** Number of distinct colours: a blank or single-colour image has very few. */
    public static int distinctColours(BufferedImage img) {
        Set<Integer> s = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                s.add(img.getRGB(x, y));
                if (s.size() > 10_000) {
                    return s.size();
                }
            }
        }
        return s.size();
    }

    public static void setFontTree(Component c, Font f) {
        c.setFont(f);
        if (c instanceof Container k) {
            for (Component child : k.getComponents()) {
                setFontTree(child, f);
            }
        }
    }
}
