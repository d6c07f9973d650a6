package org.percepnet4j.ui;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import javax.accessibility.AccessibleRole;

/**
 * A vertical bar meter with a caption on top and the value underneath. A level meter fills from the bottom over
 * {@link #LEVEL_FLOOR_DB}..0 dBFS with a peak-hold line; a reduction meter hangs from the top over 0..{@link
 * #REDUCTION_RANGE_DB} dB, like the gain-reduction meter of a compressor.
 */
public final class LevelMeter extends MeterView {

    public static final float LEVEL_FLOOR_DB = -72f;
    public static final float REDUCTION_RANGE_DB = 48f;

    /** What the bar shows. */
    public enum Kind { LEVEL, REDUCTION }

    private final String caption;
    private final Kind kind;
    private final DoubleSupplier value;
    private final DoubleSupplier peak;
    private final Supplier<String> text;

    public LevelMeter(String caption, String accessibleName, Kind kind, DoubleSupplier value, DoubleSupplier peak,
                      Supplier<String> text) {
        super(AccessibleRole.PROGRESS_BAR);
        this.caption = caption;
        this.kind = kind;
        this.value = value;
        this.peak = peak;
        this.text = text;
        setOpaque(false);
        setName("meter." + caption.toLowerCase(java.util.Locale.ROOT));
        getAccessibleContext().setAccessibleName(accessibleName);
    }

    /** Position 0..1 of a value along the bar (0 = empty). */
    static double fill(Kind kind, double db) {
        if (!Double.isFinite(db)) {
            return 0;
        }
        double f = kind == Kind.LEVEL ? (db - LEVEL_FLOOR_DB) / -LEVEL_FLOOR_DB : db / REDUCTION_RANGE_DB;
        return Math.max(0, Math.min(1, f));
    }

    private int unit() {
        return getFontMetrics(getFont()).getHeight();
    }

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        FontMetrics fm = getFontMetrics(getFont());
        int w = Math.max(fm.stringWidth("-99.9 dB"), fm.stringWidth(caption)) + fm.getHeight() / 2;
        return new Dimension(w, fm.getHeight() * 9);
    }

    @Override
    public Dimension getMinimumSize() {
        if (isMinimumSizeSet()) {
            return super.getMinimumSize();
        }
        Dimension d = getPreferredSize();
        return new Dimension(d.width, unit() * 5);
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            FontMetrics fm = g.getFontMetrics(getFont());
            int u = fm.getHeight();
            int w = getWidth();
            g.setFont(getFont());
            g.setColor(Theme.text(this));
            g.drawString(caption, (w - fm.stringWidth(caption)) / 2, fm.getAscent());
            String t = text.get();
            g.drawString(t, (w - fm.stringWidth(t)) / 2, getHeight() - fm.getDescent());

            double barW = Math.max(4, u * 0.7);
            double x = (w - barW) / 2;
            double top = u * 1.25;
            double h = Math.max(1, getHeight() - 2.5 * u);
            g.setColor(Theme.meterBackground());
            g.fill(new Rectangle2D.Double(x, top, barW, h));
            double f = fill(kind, value.getAsDouble());
            if (kind == Kind.LEVEL) {
                // Colour zones: green up to -18 dBFS, yellow to -6, red above.
                paintZone(g, x, top, barW, h, 0, Math.min(f, fill(kind, -18)), Theme.LEVEL_OK);
                paintZone(g, x, top, barW, h, fill(kind, -18), Math.min(f, fill(kind, -6)), Theme.LEVEL_HOT);
                paintZone(g, x, top, barW, h, fill(kind, -6), f, Theme.LEVEL_CLIP);
                double p = fill(kind, peak.getAsDouble());
                if (p > 0) {
                    g.setColor(Theme.text(this));
                    double py = top + h * (1 - p);
                    g.draw(new Line2D.Double(x, py, x + barW, py));
                }
            } else {
                g.setColor(Theme.REDUCTION);
                g.fill(new Rectangle2D.Double(x, top, barW, h * f));
            }
            // Scale ticks every 12 dB beside the bar.
            g.setColor(Theme.dimText());
            double tick = Math.max(2, u * 0.2);
            for (int db = 0; db <= 72; db += 12) {
                double pos = kind == Kind.LEVEL ? 1 - fill(kind, -db) : fill(kind, db);
                if (kind == Kind.REDUCTION && db > REDUCTION_RANGE_DB) {
                    break;
                }
                double y = top + h * pos;
                g.draw(new Line2D.Double(x - tick - 1, y, x - 1, y));
            }
        } finally {
            g.dispose();
        }
    }

    private static void paintZone(Graphics2D g, double x, double top, double w, double h, double from, double to,
                                  Color c) {
        if (to <= from) {
            return;
        }
        g.setColor(c);
        g.fill(new Rectangle2D.Double(x, top + h * (1 - to), w, h * (to - from)));
    }

    @Override
    String accessibleDescription() {
        return text.get();
    }
}
