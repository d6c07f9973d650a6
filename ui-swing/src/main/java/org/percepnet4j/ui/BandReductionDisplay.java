package org.percepnet4j.ui;

import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import javax.accessibility.AccessibleRole;
import org.percepnet4j.engine.dsp.ErbBands;

/**
 * The 34 ERB bands, low to high, each a bar hanging from 0 dB by the reduction applied to it. The scale follows
 * the suppression limit (rounded up to 12 dB steps) so the bars use the height the user allowed.
 */
public final class BandReductionDisplay extends MeterView {

    /** Frequencies worth a label under the bars. */
    private static final double[] LABEL_HZ = {100, 250, 500, 1000, 2000, 4000, 8000, 16000};

    private final MeterModel meters;
    private double scaleDb = 48;

    public BandReductionDisplay(MeterModel meters) {
        super(AccessibleRole.PANEL);
        this.meters = meters;
        setOpaque(false);
        setName("meter.bands");
        setToolTipText(""); // per-band text comes from getToolTipText(MouseEvent)
        getAccessibleContext().setAccessibleName("Gain reduction per band");
    }

    /** The band whose centre (engine's ERB table) is closest to {@code hz} on a log scale. */
    static int nearestBand(double hz) {
        int best = 1;
        for (int b = 1; b < ErbBands.BANDS; b++) {
            if (Math.abs(Math.log(ErbBands.centreHz(b) / hz)) < Math.abs(Math.log(ErbBands.centreHz(best) / hz))) {
                best = b;
            }
        }
        return best;
    }

    /** Which band is under x, or -1. */
    private int bandAt(int x) {
        FontMetrics fm = getFontMetrics(getFont());
        int u = fm.getHeight();
        double left = fm.stringWidth("-48 dB") + u * 0.4;
        double right = getWidth() - u * 0.3;
        int b = (int) Math.floor((x - left) / ((right - left) / MeterModel.BANDS));
        return b >= 0 && b < MeterModel.BANDS ? b : -1;
    }

    @Override
    public String getToolTipText(java.awt.event.MouseEvent e) {
        int b = bandAt(e.getX());
        if (b < 0) {
            return null;
        }
        return String.format(Locale.ROOT, "Band %d (%.0f Hz): %s", b + 1, ErbBands.centreHz(b),
                MeterFormat.reduction(meters.bandReductionDb(b)));
    }

    /** Sets the full-scale reduction from the suppression limit; at least 12 dB. */
    public void setScaleFromLimit(double suppressionDb) {
        double s = Math.max(12, Math.ceil(suppressionDb / 12) * 12);
        if (s != scaleDb) {
            scaleDb = s;
            repaint();
        }
    }

    public double scaleDb() {
        return scaleDb;
    }

    private int unit() {
        return getFontMetrics(getFont()).getHeight();
    }

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        int u = unit();
        return new Dimension(u * 24, u * 7);
    }

    @Override
    public Dimension getMinimumSize() {
        if (isMinimumSizeSet()) {
            return super.getMinimumSize();
        }
        int u = unit();
        return new Dimension(u * 12, u * 4);
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(getFont());
            FontMetrics fm = g.getFontMetrics();
            int u = fm.getHeight();
            double left = fm.stringWidth("-48 dB") + u * 0.4;
            double top = u * 0.5;
            double right = getWidth() - u * 0.3;
            double bottom = getHeight() - u * 1.2;
            double w = Math.max(1, right - left);
            double h = Math.max(1, bottom - top);
            g.setColor(Theme.meterBackground());
            g.fill(new Rectangle2D.Double(left, top, w, h));

            // Grid every 12 dB with labels.
            for (int db = 0; db <= scaleDb; db += 12) {
                double y = top + h * db / scaleDb;
                g.setColor(Theme.track());
                g.draw(new Line2D.Double(left, y, right, y));
                String label = db == 0 ? "0 dB" : "-" + db;
                g.setColor(Theme.dimText());
                g.drawString(label, (float) (left - u * 0.2 - fm.stringWidth(label)),
                        (float) (y + fm.getAscent() / 2.0 - 1));
            }

            int n = MeterModel.BANDS;
            double slot = w / n;
            double gap = Math.max(1, slot * 0.18);
            g.setColor(Theme.REDUCTION);
            for (int b = 0; b < n; b++) {
                double r = Math.min(scaleDb, meters.bandReductionDb(b));
                g.fill(new Rectangle2D.Double(left + b * slot + gap / 2, top, slot - gap, h * r / scaleDb));
            }
            // Frequency labels under the bands whose centres are nearest to round values, where they fit.
            g.setColor(Theme.dimText());
            double lastRight = Double.NEGATIVE_INFINITY;
            float baseline = (float) (bottom + fm.getAscent() + u * 0.1);
            for (double hz : LABEL_HZ) {
                int b = nearestBand(hz);
                String label = hz >= 1000 ? (int) (hz / 1000) + "k" : (int) hz + (hz == LABEL_HZ[0] ? " Hz" : "");
                double cx = left + (b + 0.5) * slot;
                double lx = Math.max(left, Math.min(right - fm.stringWidth(label), cx - fm.stringWidth(label) / 2.0));
                if (lx > lastRight + u * 0.5) {
                    g.drawString(label, (float) lx, baseline);
                    lastRight = lx + fm.stringWidth(label);
                }
            }
        } finally {
            g.dispose();
        }
    }

    /** Summary for screen readers: the most reduced band and how much. */
    String summary() {
        int worst = 0;
        for (int b = 1; b < MeterModel.BANDS; b++) {
            if (meters.bandReductionDb(b) > meters.bandReductionDb(worst)) {
                worst = b;
            }
        }
        return String.format(Locale.ROOT, "most reduced: band %d (%.0f Hz), %s", worst + 1, ErbBands.centreHz(worst),
                MeterFormat.reduction(meters.bandReductionDb(worst)));
    }

    @Override
    String accessibleDescription() {
        return summary();
    }
}
