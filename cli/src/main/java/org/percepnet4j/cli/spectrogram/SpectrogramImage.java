package org.percepnet4j.cli.spectrogram;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws one spectrogram, or two side by side (before / after) on the same colour scale, with time and frequency
 * axes and a dB colour bar.
 */
public final class SpectrogramImage {

    /** One picture panel. */
    public record Panel(String title, Spectrogram spectrogram, double seconds) {
    }

    /**
     * Drawing options.
     *
     * @param plotWidth  pixels of the plot area of each panel (one analysis frame per pixel column)
     * @param plotHeight pixels of the plot area
     * @param logFrequency log frequency axis (from {@link #LOWEST_HZ}) instead of linear
     * @param rangeDb    dB between the loudest level and black
     */
    public record Options(int plotWidth, int plotHeight, boolean logFrequency, double rangeDb) {
        public Options {
            if (plotWidth < 50 || plotWidth > 8000 || plotHeight < 50 || plotHeight > 8000) {
                throw new IllegalArgumentException("plot size must be 50 to 8000 pixels each way");
            }
            if (!(rangeDb >= 10 && rangeDb <= 200)) {
                throw new IllegalArgumentException("dB range must be 10 to 200");
            }
        }
    }

    /** Lowest frequency on a log axis. */
    public static final double LOWEST_HZ = 40;

    private static final int LEFT = 64;
    private static final int RIGHT = 24;
    private static final int TOP = 34;
    private static final int BOTTOM = 44;
    private static final int BAR_WIDTH = 16;
    private static final int BAR_AREA = 80;
    private static final Color INK = new Color(30, 30, 30);
    private static final Color GRID = new Color(255, 255, 255, 60);

    private SpectrogramImage() {
    }

    /** Renders the panels left to right. */
    public static BufferedImage render(List<Panel> panels, Options o) {
        if (panels.isEmpty() || panels.size() > 2) {
            throw new IllegalArgumentException("one or two panels");
        }
        float top = Float.NEGATIVE_INFINITY;
        for (Panel p : panels) {
            top = Math.max(top, p.spectrogram().maxDb());
        }
        double topDb = Math.ceil(Math.max(top, -150) / 10) * 10;
        double bottomDb = topDb - o.rangeDb();
        double nyquist = panels.stream().mapToDouble(p -> p.spectrogram().sampleRate() / 2.0).max().orElseThrow();
        double lowest = o.logFrequency() ? Math.min(LOWEST_HZ, nyquist / 4) : 0;

        int panelWidth = LEFT + o.plotWidth() + RIGHT;
        int width = panels.size() * panelWidth + BAR_AREA;
        int height = TOP + o.plotHeight() + BOTTOM;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (int i = 0; i < panels.size(); i++) {
                int x0 = i * panelWidth + LEFT;
                drawPanel(img, g, panels.get(i), x0, TOP, o, lowest, nyquist, topDb, bottomDb);
            }
            drawColourBar(g, panels.size() * panelWidth + 8, TOP, o.plotHeight(), topDb, bottomDb);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void drawPanel(BufferedImage img, Graphics2D g, Panel p, int x0, int y0, Options o,
            double lowest, double nyquist, double topDb, double bottomDb) {
        Spectrogram s = p.spectrogram();
        int w = o.plotWidth();
        int h = o.plotHeight();
        for (int y = 0; y < h; y++) {
            double hi = frequencyAt(y, h, o.logFrequency(), lowest, nyquist);
            double lo = frequencyAt(y + 1, h, o.logFrequency(), lowest, nyquist);
            boolean aboveNyquist = lo >= s.sampleRate() / 2.0;
            for (int x = 0; x < w; x++) {
                int col = Math.min(s.columns() - 1, (int) ((long) x * s.columns() / w));
                int rgb = aboveNyquist ? 0xDDDDDD
                        : ColourMap.rgb((s.levelBetween(col, lo, hi) - bottomDb) / (topDb - bottomDb));
                img.setRGB(x0 + x, y0 + y, rgb);
            }
        }
        // Frequency grid and labels.
        FontMetrics fm = g.getFontMetrics();
        for (double f : frequencyTicks(o.logFrequency(), lowest, nyquist)) {
            int y = y0 + (int) Math.round(yOf(f, h, o.logFrequency(), lowest, nyquist));
            g.setColor(GRID);
            g.drawLine(x0, y, x0 + w - 1, y);
            g.setColor(INK);
            String label = f >= 1000 ? trim(f / 1000) + "k" : trim(f);
            g.drawString(label, x0 - 6 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
        }
        // Time labels.
        double step = niceStep(p.seconds() / 8);
        for (double t = 0; t <= p.seconds() + 1e-9 && step > 0; t += step) {
            int x = x0 + (int) Math.round(t / p.seconds() * (w - 1));
            g.setColor(INK);
            g.drawLine(x, y0 + h, x, y0 + h + 4);
            String label = trim(t);
            g.drawString(label, x - fm.stringWidth(label) / 2, y0 + h + 6 + fm.getAscent());
        }
        g.setColor(INK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x0 - 1, y0 - 1, w + 1, h + 1);
        g.drawString("time (s)", x0 + w / 2 - fm.stringWidth("time (s)") / 2, y0 + h + 10 + 2 * fm.getAscent());
        g.drawString("Hz", x0 - LEFT + 4, y0 - 6);
        Font bold = g.getFont().deriveFont(Font.BOLD, 13f);
        Font plain = g.getFont();
        g.setFont(bold);
        String title = fit(p.title(), g.getFontMetrics(), w - 40);
        g.drawString(title, x0 + w / 2 - g.getFontMetrics().stringWidth(title) / 2, y0 - 12);
        g.setFont(plain);
    }

    private static void drawColourBar(Graphics2D g, int x, int y0, int h, double topDb, double bottomDb) {
        for (int y = 0; y < h; y++) {
            g.setColor(new Color(ColourMap.rgb(1 - y / (double) (h - 1))));
            g.drawLine(x, y0 + y, x + BAR_WIDTH - 1, y0 + y);
        }
        g.setColor(INK);
        g.drawRect(x - 1, y0 - 1, BAR_WIDTH + 1, h + 1);
        FontMetrics fm = g.getFontMetrics();
        double step = (topDb - bottomDb) > 60 ? 20 : 10;
        for (double d = topDb; d >= bottomDb - 1e-9; d -= step) {
            int y = y0 + (int) Math.round((topDb - d) / (topDb - bottomDb) * (h - 1));
            g.drawLine(x + BAR_WIDTH, y, x + BAR_WIDTH + 3, y);
            g.drawString(trim(d), x + BAR_WIDTH + 6, y + fm.getAscent() / 2 - 1);
        }
        g.drawString("dBFS", x - 4, y0 - 8);
    }

    static double frequencyAt(int y, int h, boolean log, double lowest, double nyquist) {
        double u = (h - y) / (double) h; // 0 at the bottom edge, 1 at the top
        return log ? lowest * Math.pow(nyquist / lowest, u) : nyquist * u;
    }

    static double yOf(double f, int h, boolean log, double lowest, double nyquist) {
        double u = log ? Math.log(f / lowest) / Math.log(nyquist / lowest) : f / nyquist;
        return h - u * h;
    }

    static List<Double> frequencyTicks(boolean log, double lowest, double nyquist) {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double decade = 10; decade < nyquist; decade *= 10) {
                for (double m : new double[] {1, 2, 5}) {
                    double f = decade * m;
                    if (f > lowest * 1.05 && f < nyquist * 0.97) {
                        ticks.add(f);
                    }
                }
            }
        } else {
            double step = niceStep(nyquist / 6);
            for (double f = step; f < nyquist * 0.97; f += step) {
                ticks.add(f);
            }
        }
        return ticks;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    static double niceStep(double rough) {
        if (!(rough > 0)) {
            return 0;
        }
        double p = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= rough) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fit(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth("…" + t) > width) {
            t = t.substring(1);
        }
        return "…" + t;
    }
}
