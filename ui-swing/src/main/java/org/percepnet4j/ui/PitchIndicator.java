package org.percepnet4j.ui;

import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import javax.accessibility.AccessibleRole;

/**
 * Voicing lamp, detected pitch, and a three-second trace of the pitch on a log axis (62.5..800 Hz, the tracker's
 * search range), so one can see the comb filter has something to follow.
 */
public final class PitchIndicator extends MeterView {

    static final double MIN_HZ = 62.5;
    static final double MAX_HZ = 800;

    private final MeterModel meters;

    public PitchIndicator(MeterModel meters) {
        super(AccessibleRole.LABEL);
        this.meters = meters;
        setOpaque(false);
        setName("meter.pitch");
        getAccessibleContext().setAccessibleName("Pitch");
    }

    private int unit() {
        return getFontMetrics(getFont()).getHeight();
    }

    /** Height fraction 0..1 of a pitch on the log axis. */
    static double axis(double hz) {
        double f = Math.log(hz / MIN_HZ) / Math.log(MAX_HZ / MIN_HZ);
        return Math.max(0, Math.min(1, f));
    }

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        FontMetrics fm = getFontMetrics(getFont());
        int u = fm.getHeight();
        return new Dimension(u * 2 + fm.stringWidth("unvoiced") + u * 8, u * 2);
    }

    @Override
    public Dimension getMinimumSize() {
        if (isMinimumSizeSet()) {
            return super.getMinimumSize();
        }
        FontMetrics fm = getFontMetrics(getFont());
        return new Dimension(fm.getHeight() * 2 + fm.stringWidth("unvoiced"), fm.getHeight() * 2);
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
            double cy = getHeight() / 2.0;
            double r = u * 0.35;
            g.setColor(meters.voiced() ? Theme.VOICED : Theme.meterBackground());
            g.fill(new Ellipse2D.Double(u * 0.2, cy - r, 2 * r, 2 * r));
            g.setColor(Theme.text(this));
            String t = meters.pitchText();
            float tx = (float) (u * 0.2 + 2 * r + u * 0.4);
            g.drawString(t, tx, (float) (cy + fm.getAscent() / 2.0 - fm.getDescent() / 2.0));

            double left = tx + fm.stringWidth("unvoiced") + u * 0.5;
            double w = getWidth() - left - u * 0.2;
            if (w < u) {
                return;
            }
            double top = u * 0.2;
            double h = getHeight() - 2 * top;
            g.setColor(Theme.meterBackground());
            g.fill(new Rectangle2D.Double(left, top, w, h));
            g.setColor(Theme.VOICED);
            int n = MeterModel.PITCH_HISTORY;
            double dot = Math.max(2, u * 0.15);
            for (int age = 0; age < n; age++) {
                float hz = meters.pitchHistory(age);
                if (hz > 0) {
                    double x = left + w * (1 - (age + 0.5) / n);
                    double y = top + h * (1 - axis(hz));
                    g.fill(new Rectangle2D.Double(x - dot / 2, y - dot / 2, dot, dot));
                }
            }
        } finally {
            g.dispose();
        }
    }

    @Override
    String accessibleDescription() {
        return meters.pitchText();
    }
}
