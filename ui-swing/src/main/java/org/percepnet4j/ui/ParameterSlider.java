package org.percepnet4j.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.ActionEvent;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import javax.accessibility.Accessible;
import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.accessibility.AccessibleState;
import javax.accessibility.AccessibleStateSet;
import javax.accessibility.AccessibleValue;
import javax.swing.AbstractAction;
import javax.swing.ActionMap;
import javax.swing.InputMap;
import javax.swing.JComponent;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import org.percepnet4j.engine.Parameter;

/**
 * A horizontal slider for one continuous or stepped parameter. Drags are relative (the value does not jump under
 * the pointer unless the track is pressed away from the thumb); Shift or Ctrl while dragging, scrolling or pressing
 * an arrow key gives fine adjustment; a double-click or Delete resets to the default. Sizes come from the font, so
 * the control scales with the UI font and with HiDPI.
 */
public final class ParameterSlider extends JComponent implements Accessible {

    private final ParameterControlModel control;
    private double paintedValue = Double.NaN;

    public ParameterSlider(ParameterControlModel control) {
        this.control = control;
        setFocusable(true);
        setOpaque(false);
        setName("slider." + control.parameter().key());
        setToolTipText("<html>" + control.parameter().displayName()
                + "<br>Drag or arrow keys; Shift/Ctrl for fine steps; double-click or Delete resets to "
                + control.parameter().formatWithUnit(control.parameter().defaultValue()) + "</html>");
        installMouse();
        installKeys();
        addFocusListener(new FocusAdapter() {
            @Override
            public void focusGained(FocusEvent e) {
                repaint();
            }

            @Override
            public void focusLost(FocusEvent e) {
                control.endDrag();
                repaint();
            }
        });
    }

    public ParameterControlModel control() {
        return control;
    }

    /** Repaints when the value changed behind the control's back (automation, presets); called by the timer. */
    public void refresh() {
        double v = control.value();
        if (Double.compare(v, paintedValue) != 0) {
            Double old = Double.isNaN(paintedValue) ? null : paintedValue;
            paintedValue = v;
            repaint();
            if (accessibleContext != null) {
                accessibleContext.firePropertyChange(AccessibleContext.ACCESSIBLE_VALUE_PROPERTY, old, v);
            }
        }
    }

    private static boolean fine(InputEvent e) {
        return e.isShiftDown() || e.isControlDown() || e.isMetaDown();
    }

    private void installMouse() {
        MouseAdapter mouse = new MouseAdapter() {
            private int lastX;

            @Override
            public void mousePressed(MouseEvent e) {
                if (!SwingUtilities.isLeftMouseButton(e)) {
                    return;
                }
                requestFocusInWindow();
                if (e.getClickCount() >= 2) {
                    control.endDrag();
                    control.reset();
                    refresh();
                    return;
                }
                lastX = e.getX();
                double thumb = thumbCenterX();
                if (Math.abs(e.getX() - thumb) <= thumbRadius() * 1.5 || fine(e)) {
                    control.beginDrag();
                } else {
                    control.beginDragAt((e.getX() - trackLeft()) / (double) trackLength());
                }
                refresh();
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                if (control.dragging()) {
                    control.dragBy(e.getX() - lastX, trackLength(), fine(e));
                    lastX = e.getX();
                    refresh();
                }
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                control.endDrag();
                refresh();
            }

            @Override
            public void mouseWheelMoved(MouseWheelEvent e) {
                int steps = -e.getWheelRotation();
                if (steps != 0) {
                    control.step(steps, fine(e) ? ParameterControlModel.Granularity.FINE
                            : ParameterControlModel.Granularity.NORMAL);
                    refresh();
                }
            }
        };
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
        addMouseWheelListener(mouse);
    }

    private void installKeys() {
        InputMap im = getInputMap(WHEN_FOCUSED);
        ActionMap am = getActionMap();
        bindStep(im, am, "increment", 1, ParameterControlModel.Granularity.NORMAL, KeyEvent.VK_RIGHT, KeyEvent.VK_UP, 0);
        bindStep(im, am, "decrement", -1, ParameterControlModel.Granularity.NORMAL, KeyEvent.VK_LEFT, KeyEvent.VK_DOWN, 0);
        for (int mod : new int[] {InputEvent.SHIFT_DOWN_MASK, InputEvent.CTRL_DOWN_MASK}) {
            bindStep(im, am, "fineIncrement", 1, ParameterControlModel.Granularity.FINE, KeyEvent.VK_RIGHT, KeyEvent.VK_UP, mod);
            bindStep(im, am, "fineDecrement", -1, ParameterControlModel.Granularity.FINE, KeyEvent.VK_LEFT, KeyEvent.VK_DOWN, mod);
        }
        bindStep(im, am, "pageIncrement", 1, ParameterControlModel.Granularity.PAGE, KeyEvent.VK_PAGE_UP, KeyEvent.VK_PAGE_UP, 0);
        bindStep(im, am, "pageDecrement", -1, ParameterControlModel.Granularity.PAGE, KeyEvent.VK_PAGE_DOWN, KeyEvent.VK_PAGE_DOWN, 0);
        bind(im, am, "minimum", control::toMinimum, KeyStroke.getKeyStroke(KeyEvent.VK_HOME, 0));
        bind(im, am, "maximum", control::toMaximum, KeyStroke.getKeyStroke(KeyEvent.VK_END, 0));
        bind(im, am, "reset", control::reset, KeyStroke.getKeyStroke(KeyEvent.VK_DELETE, 0),
                KeyStroke.getKeyStroke(KeyEvent.VK_BACK_SPACE, 0));
    }

    private void bindStep(InputMap im, ActionMap am, String name, int dir, ParameterControlModel.Granularity g,
                          int key1, int key2, int modifiers) {
        bind(im, am, name, () -> control.step(dir, g),
                KeyStroke.getKeyStroke(key1, modifiers), KeyStroke.getKeyStroke(key2, modifiers));
    }

    private void bind(InputMap im, ActionMap am, String name, Runnable action, KeyStroke... keys) {
        for (KeyStroke k : keys) {
            im.put(k, name);
        }
        am.put(name, new AbstractAction(name) {
            @Override
            public void actionPerformed(ActionEvent e) {
                action.run();
                refresh();
            }
        });
    }

    // ---- geometry, all from the font so it scales ----

    private int unit() {
        FontMetrics fm = getFontMetrics(getFont());
        return fm.getHeight();
    }

    private double thumbRadius() {
        return unit() * 0.42;
    }

    private int trackLeft() {
        return (int) Math.ceil(thumbRadius()) + 2;
    }

    private int trackLength() {
        return Math.max(1, getWidth() - 2 * trackLeft());
    }

    private double thumbCenterX() {
        return trackLeft() + control.position() * trackLength();
    }

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        int u = unit();
        return new Dimension(u * 12, (int) Math.ceil(u * 1.3));
    }

    @Override
    public Dimension getMinimumSize() {
        if (isMinimumSizeSet()) {
            return super.getMinimumSize();
        }
        int u = unit();
        return new Dimension(u * 5, (int) Math.ceil(u * 1.3));
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            int u = unit();
            double cy = getHeight() / 2.0;
            double th = Math.max(2, u * 0.22);
            double left = trackLeft();
            double len = trackLength();
            g.setColor(Theme.track());
            g.fill(new RoundRectangle2D.Double(left, cy - th / 2, len, th, th, th));
            double origin = left + control.originPosition() * len;
            double x = thumbCenterX();
            Color accent = isEnabled() ? Theme.accent() : Theme.dimText();
            g.setColor(accent);
            g.fill(new RoundRectangle2D.Double(Math.min(origin, x), cy - th / 2, Math.abs(x - origin), th, th, th));
            if (control.parameter().isDiscrete()) {
                // Tick marks show the allowed values of stepped parameters (look-ahead 0/10/20 ms).
                Parameter p = control.parameter();
                int ticks = (int) Math.round((p.max() - p.min()) / p.step());
                g.setColor(Theme.dimText());
                double tw = Math.max(1, th / 2);
                for (int i = 0; i <= ticks; i++) {
                    double tx = left + len * i / ticks;
                    g.fill(new Rectangle2D.Double(tx - tw / 2, cy + th, tw, th * 1.6));
                }
            }
            double r = thumbRadius();
            if (isFocusOwner()) {
                g.setColor(Theme.focus());
                g.setStroke(new BasicStroke((float) Math.max(1.5, u * 0.12)));
                g.draw(new Ellipse2D.Double(x - r - u * 0.12, cy - r - u * 0.12, 2 * r + u * 0.24, 2 * r + u * 0.24));
            }
            g.setColor(control.isDefault() ? Theme.text(this) : accent.brighter());
            g.fill(new Ellipse2D.Double(x - r, cy - r, 2 * r, 2 * r));
        } finally {
            g.dispose();
        }
    }

    // ---- accessibility: a slider with a numeric value and the value text as description ----

    @Override
    public AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleParameterSlider();
        }
        return accessibleContext;
    }

    private final class AccessibleParameterSlider extends AccessibleJComponent implements AccessibleValue {

        @Override
        public String getAccessibleName() {
            String n = super.getAccessibleName();
            return n != null ? n : control.parameter().displayName();
        }

        @Override
        public String getAccessibleDescription() {
            return control.text();
        }

        @Override
        public AccessibleRole getAccessibleRole() {
            return AccessibleRole.SLIDER;
        }

        @Override
        public AccessibleStateSet getAccessibleStateSet() {
            AccessibleStateSet s = super.getAccessibleStateSet();
            s.add(AccessibleState.HORIZONTAL);
            return s;
        }

        @Override
        public AccessibleValue getAccessibleValue() {
            return this;
        }

        @Override
        public Number getCurrentAccessibleValue() {
            return control.value();
        }

        @Override
        public boolean setCurrentAccessibleValue(Number n) {
            if (n == null) {
                return false;
            }
            control.beginDragAt(control.parameter().toNormalized(n.doubleValue()));
            control.endDrag();
            refresh();
            return true;
        }

        @Override
        public Number getMinimumAccessibleValue() {
            return control.parameter().min();
        }

        @Override
        public Number getMaximumAccessibleValue() {
            return control.parameter().max();
        }
    }
}
