package org.percepnet4j.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import java.awt.Color;
import java.awt.Component;
import javax.swing.UIManager;

/** The look: FlatLaf dark, and the few colours the custom meters use, taken from the look where it has them. */
public final class Theme {

    private Theme() {
    }

    /**
     * Installs FlatLaf dark unless a FlatLaf look is already active (the plugin host may have set one), with its UI
     * classes found through FlatLaf's own class loader.
     */
    public static void install() {
        if (!(UIManager.getLookAndFeel() instanceof FlatLaf)) {
            FlatDarkLaf.setup();
            // Swing looks UI classes up through the system class loader unless told otherwise; inside a plugin whose jars
            // a separate class loader holds (a JVM the host or another plugin started), FlatLaf's UI classes are only
            // visible through FlatLaf's own loader.
            UIManager.getLookAndFeelDefaults().put("ClassLoader", FlatLaf.class.getClassLoader());
        }
    }

    static Color accent() {
        return color("Component.accentColor", new Color(0x4a9eff));
    }

    static Color track() {
        return color("Slider.trackColor", new Color(0x4c5052));
    }

    static Color panelBackground() {
        return color("Panel.background", new Color(0x3c3f41));
    }

    static Color meterBackground() {
        Color bg = panelBackground();
        return new Color(Math.max(0, bg.getRed() - 18), Math.max(0, bg.getGreen() - 18), Math.max(0, bg.getBlue() - 18));
    }

    static Color text(Component c) {
        Color fg = c.getForeground();
        return fg != null ? fg : color("Label.foreground", Color.LIGHT_GRAY);
    }

    static Color dimText() {
        return color("Label.disabledForeground", Color.GRAY);
    }

    static Color focus() {
        return color("Component.focusColor", accent());
    }

    static final Color LEVEL_OK = new Color(0x3fbf6f);
    static final Color LEVEL_HOT = new Color(0xe0c040);
    static final Color LEVEL_CLIP = new Color(0xe05040);
    static final Color REDUCTION = new Color(0xf08c3a);
    static final Color VOICED = new Color(0x6fd0ff);

    private static Color color(String key, Color fallback) {
        Color c = UIManager.getColor(key);
        return c != null ? c : fallback;
    }
}
