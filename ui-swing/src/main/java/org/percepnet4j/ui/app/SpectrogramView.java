package org.percepnet4j.ui.app;

import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.function.LongSupplier;
import javax.swing.JComponent;

/** Shows one spectrogram scaled to the component, with a log-frequency scale and the playback position. */
final class SpectrogramView extends JComponent {

    private final String title;
    private BufferedImage image;
    private double sampleRate;
    private long frames;
    private String placeholder = "";
    private LongSupplier cursor = () -> -1;

    SpectrogramView(String title) {
        this.title = title;
        setName("spectrogram." + title.toLowerCase(java.util.Locale.ROOT));
        getAccessibleContext().setAccessibleName(title + " spectrogram");
        setPlaceholder("Open a file");
    }

    void show(Spectrogram s, long frames) {
        this.image = s == null ? null : s.toImage();
        this.sampleRate = s == null ? 0 : s.sampleRate();
        this.frames = frames;
        repaint();
    }

    void setPlaceholder(String text) {
        placeholder = text;
        image = null;
        getAccessibleContext().setAccessibleDescription(text);
        repaint();
    }

    void setCursor(LongSupplier frame) {
        cursor = frame;
    }

    boolean hasImage() {
        return image != null;
    }

    @Override
    public javax.accessibility.AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                @Override
                public javax.accessibility.AccessibleRole getAccessibleRole() {
                    return javax.accessibility.AccessibleRole.PANEL;
                }
            };
        }
        return accessibleContext;
    }

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        int u = getFontMetrics(getFont()).getHeight();
        return new Dimension(u * 30, u * 6);
    }

    @Override
    public Dimension getMinimumSize() {
        int u = getFontMetrics(getFont()).getHeight();
        return new Dimension(u * 10, u * 3);
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(getFont());
            FontMetrics fm = g.getFontMetrics();
            int u = fm.getHeight();
            int left = fm.stringWidth("10k") + u / 2;
            int w = Math.max(1, getWidth() - left);
            int h = Math.max(1, getHeight());
            g.setColor(getBackground() != null ? getBackground().darker() : java.awt.Color.DARK_GRAY);
            g.fillRect(left, 0, w, h);
            if (image == null) {
                g.setColor(java.awt.Color.GRAY);
                g.drawString(placeholder, left + (w - fm.stringWidth(placeholder)) / 2, h / 2 + fm.getAscent() / 2);
            } else {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(image, left, 0, w, h, null);
                g.setColor(getForeground());
                double nyq = sampleRate / 2;
                for (double hz : new double[] {100, 1000, 10000}) {
                    if (hz >= nyq) {
                        continue;
                    }
                    double t = Math.log(hz / Spectrogram.MIN_HZ) / Math.log(nyq / Spectrogram.MIN_HZ);
                    int y = (int) Math.round(h * (1 - t));
                    String label = hz >= 1000 ? (int) (hz / 1000) + "k" : String.valueOf((int) hz);
                    g.drawString(label, left - u / 4 - fm.stringWidth(label), y + fm.getAscent() / 2);
                    g.drawLine(left - u / 6, y, left, y);
                }
                long pos = cursor.getAsLong();
                if (pos >= 0 && frames > 0) {
                    double x = left + w * (pos / (double) frames);
                    g.setColor(java.awt.Color.WHITE);
                    g.draw(new Line2D.Double(x, 0, x, h));
                }
            }
            g.setColor(java.awt.Color.WHITE);
            g.drawString(title, left + u / 3, fm.getAscent() + u / 6);
        } finally {
            g.dispose();
        }
    }
}
