package org.percepnet4j.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Map;
import javax.accessibility.AccessibleRole;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.percepnet4j.engine.Parameter;

/** The editor panel without a window: wiring, keyboard, reset, presets, scaling, painting. Runs headless. */
class EditorPanelTest {

    @BeforeAll
    static void look() throws Exception {
        SwingUtilities.invokeAndWait(Theme::install);
    }

    private static <T> T onEdt(java.util.concurrent.Callable<T> c) throws Exception {
        Object[] r = {null};
        Exception[] err = {null};
        SwingUtilities.invokeAndWait(() -> {
            try {
                r[0] = c.call();
            } catch (Exception e) {
                err[0] = e;
            }
        });
        if (err[0] != null) {
            throw err[0];
        }
        @SuppressWarnings("unchecked")
        T t = (T) r[0];
        return t;
    }

    private static FakeEditorModel modelWithMeters() {
        FakeEditorModel m = new FakeEditorModel();
        m.meters.inputDb = -18;
        m.meters.outputDb = -24;
        m.meters.gainReductionDb = 6;
        for (int b = 0; b < 34; b++) {
            m.meters.bandGainDb[b] = -(float) (b % 7) * 4;
        }
        m.meters.pitchHz = 160;
        m.meters.voiced = true;
        m.meters.latencyMs = 30;
        m.meters.sequence = 1;
        m.presets.add(new PresetEntry("Podcast studio", "treated room", true,
                Map.of(Parameter.SUPPRESSION, 24.0, Parameter.POST_FILTER, 75.0)));
        m.presets.add(new PresetEntry("Mine", "", false, Map.of(Parameter.SUPPRESSION, 60.0)));
        return m;
    }

    @Test
    void everyParameterHasAControlInEnumOrder() throws Exception {
        FakeEditorModel m = modelWithMeters();
        onEdt(() -> {
            EditorPanel p = new EditorPanel(m);
            for (Parameter param : Parameter.values()) {
                if (param.isSwitch()) {
                    assertThat(p.toggle(param)).as(param.key()).isNotNull();
                    assertThat(p.toggle(param).getText()).isEqualTo(param.displayName());
                } else {
                    assertThat(p.slider(param)).as(param.key()).isNotNull();
                    assertThat(p.field(param).getText()).isEqualTo(param.formatWithUnit(param.defaultValue()));
                }
            }
            return null;
        });
    }

    @Test
    void arrowKeysStepAndDeleteResets() throws Exception {
        FakeEditorModel m = modelWithMeters();
        onEdt(() -> {
            EditorPanel p = new EditorPanel(m);
            ParameterSlider s = p.slider(Parameter.SUPPRESSION);
            press(s, KeyStroke.getKeyStroke(KeyEvent.VK_RIGHT, 0));
            assertThat(m.get(Parameter.SUPPRESSION)).isEqualTo(41.0);
            press(s, KeyStroke.getKeyStroke(KeyEvent.VK_UP, KeyEvent.SHIFT_DOWN_MASK));
            assertThat(m.get(Parameter.SUPPRESSION)).isEqualTo(41.5);
            press(s, KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_DOWN, 0));
            assertThat(m.get(Parameter.SUPPRESSION)).isEqualTo(31.5);
            p.tick();
            assertThat(p.field(Parameter.SUPPRESSION).getText()).isEqualTo("31.5 dB");
            press(s, KeyStroke.getKeyStroke(KeyEvent.VK_DELETE, 0));
            assertThat(m.get(Parameter.SUPPRESSION)).isEqualTo(40.0);
            return null;
        });
    }

    private static void press(ParameterSlider s, KeyStroke k) {
        Object key = s.getInputMap().get(k);
        assertThat(key).as("binding for " + k).isNotNull();
        s.getActionMap().get(key).actionPerformed(new java.awt.event.ActionEvent(s, 0, key.toString()));
    }

    @Test
    void doubleClickResetsToTheDefault() throws Exception {
        FakeEditorModel m = modelWithMeters();
        m.set(Parameter.OUTPUT_GAIN, -9);
        onEdt(() -> {
            EditorPanel p = new EditorPanel(m);
            p.setSize(p.getPreferredSize());
            Screens.layoutTree(p);
            ParameterSlider s = p.slider(Parameter.OUTPUT_GAIN);
            long t = System.currentTimeMillis();
            int x = s.getWidth() / 3;
            int y = s.getHeight() / 2;
            s.dispatchEvent(new MouseEvent(s, MouseEvent.MOUSE_PRESSED, t, MouseEvent.BUTTON1_DOWN_MASK, x, y, 1, false, MouseEvent.BUTTON1));
            s.dispatchEvent(new MouseEvent(s, MouseEvent.MOUSE_RELEASED, t, 0, x, y, 1, false, MouseEvent.BUTTON1));
            s.dispatchEvent(new MouseEvent(s, MouseEvent.MOUSE_PRESSED, t + 50, MouseEvent.BUTTON1_DOWN_MASK, x, y, 2, false, MouseEvent.BUTTON1));
            s.dispatchEvent(new MouseEvent(s, MouseEvent.MOUSE_RELEASED, t + 50, 0, x, y, 2, false, MouseEvent.BUTTON1));
            assertThat(m.get(Parameter.OUTPUT_GAIN)).isEqualTo(0.0);
            return null;
        });
    }

    @Test
    void shiftDragIsFine() throws Exception {
        FakeEditorModel m = modelWithMeters();
        m.set(Parameter.POST_FILTER, 100);
        onEdt(() -> {
            EditorPanel p = new EditorPanel(m);
            p.setSize(p.getPreferredSize());
            Screens.layoutTree(p);
            ParameterSlider s = p.slider(Parameter.POST_FILTER);
            s.setSize(220, s.getHeight());
            int x = s.getWidth() - 10; // the thumb sits at 100 %
            int y = s.getHeight() / 2;
            int shift = MouseEvent.SHIFT_DOWN_MASK | MouseEvent.BUTTON1_DOWN_MASK;
            long t = System.currentTimeMillis();
            s.dispatchEvent(new MouseEvent(s, MouseEvent.MOUSE_PRESSED, t, shift, x, y, 1, false, MouseEvent.BUTTON1));
            s.dispatchEvent(new MouseEvent(s, MouseEvent.MOUSE_DRAGGED, t + 10, shift, x - 100, y, 0, false, MouseEvent.BUTTON1));
            s.dispatchEvent(new MouseEvent(s, MouseEvent.MOUSE_RELEASED, t + 20, 0, x - 100, y, 1, false, MouseEvent.BUTTON1));
            double track = s.getWidth() - 2 * (Math.ceil(s.getFontMetrics(s.getFont()).getHeight() * 0.42) + 2);
            assertThat(m.get(Parameter.POST_FILTER)).isCloseTo(100 - 100 * 100 * 0.1 / track, within(1.0));
            assertThat(m.gestures).containsExactly("begin postFilter", "end postFilter");
            return null;
        });
    }

    @Test
    void typedValuesAreParsedAndBadTextIsFlaggedNotApplied() throws Exception {
        FakeEditorModel m = modelWithMeters();
        onEdt(() -> {
            EditorPanel p = new EditorPanel(m);
            p.field(Parameter.OUTPUT_GAIN).setText("-3.5 dB");
            p.field(Parameter.OUTPUT_GAIN).postActionEvent();
            assertThat(m.get(Parameter.OUTPUT_GAIN)).isEqualTo(-3.5);
            p.field(Parameter.OUTPUT_GAIN).setText("loud");
            p.field(Parameter.OUTPUT_GAIN).postActionEvent();
            assertThat(m.get(Parameter.OUTPUT_GAIN)).isEqualTo(-3.5);
            assertThat(p.field(Parameter.OUTPUT_GAIN).getClientProperty("JComponent.outline")).isEqualTo("error");
            assertThat(p.field(Parameter.OUTPUT_GAIN).getToolTipText()).contains("Output gain");
            return null;
        });
    }

    @Test
    void arrowKeysInTheValueFieldStepToo() throws Exception {
        FakeEditorModel m = modelWithMeters();
        onEdt(() -> {
            EditorPanel p = new EditorPanel(m);
            javax.swing.JTextField f = p.field(Parameter.OUTPUT_GAIN);
            Object up = f.getInputMap().get(KeyStroke.getKeyStroke(KeyEvent.VK_UP, 0));
            f.getActionMap().get(up).actionPerformed(new java.awt.event.ActionEvent(f, 0, "up"));
            assertThat(m.get(Parameter.OUTPUT_GAIN)).isEqualTo(0.5);
            Object fineDown = f.getInputMap().get(KeyStroke.getKeyStroke(KeyEvent.VK_DOWN, KeyEvent.SHIFT_DOWN_MASK));
            f.getActionMap().get(fineDown).actionPerformed(new java.awt.event.ActionEvent(f, 0, "down"));
            assertThat(m.get(Parameter.OUTPUT_GAIN)).isEqualTo(0.4);
            assertThat(f.getText()).isEqualTo("0.4 dB");
            return null;
        });
    }

    @Test
    void changesFromTheHostShowUpOnTheNextFrame() throws Exception {
        FakeEditorModel m = modelWithMeters();
        onEdt(() -> {
            EditorPanel p = new EditorPanel(m);
            m.set(Parameter.BYPASS, 1);
            m.set(Parameter.LOOKAHEAD, 10);
            p.tick();
            assertThat(p.toggle(Parameter.BYPASS).isSelected()).isTrue();
            assertThat(p.field(Parameter.LOOKAHEAD).getText()).isEqualTo("10 ms");
            p.toggle(Parameter.LISTEN_NOISE).doClick();
            assertThat(m.get(Parameter.LISTEN_NOISE)).isEqualTo(1.0);
            return null;
        });
    }

    @Test
    void opensShowingThePresetTheSettingsEqual() throws Exception {
        FakeEditorModel m = modelWithMeters();
        m.set(Parameter.SUPPRESSION, 24);
        m.set(Parameter.POST_FILTER, 75);
        onEdt(() -> {
            EditorPanel p = new EditorPanel(m);
            assertThat(p.presetSelection().selected()).isSameAs(m.presets.get(0));
            return null;
        });
    }

    @Test
    void choosingAPresetAppliesItAndEditsMarkItModified() throws Exception {
        FakeEditorModel m = modelWithMeters();
        onEdt(() -> {
            EditorPanel p = new EditorPanel(m);
            p.choosePreset(m.presets.get(0));
            assertThat(m.get(Parameter.SUPPRESSION)).isEqualTo(24.0);
            assertThat(m.get(Parameter.POST_FILTER)).isEqualTo(75.0);
            assertThat(p.presetSelection().modified()).isFalse();
            m.set(Parameter.POST_FILTER, 80);
            p.tick();
            assertThat(p.presetSelection().modified()).isTrue();
            return null;
        });
    }

    @Test
    void metersReadTheModelEveryFrame() throws Exception {
        FakeEditorModel m = modelWithMeters();
        onEdt(() -> {
            EditorPanel p = new EditorPanel(m);
            p.tick();
            assertThat(p.meters().inputText()).isEqualTo("-18.0 dB");
            assertThat(p.meters().reductionText()).isEqualTo("-6.0 dB");
            assertThat(p.meters().pitchText()).isEqualTo("160 Hz");
            assertThat(p.meters().latencyText()).isEqualTo("30.0 ms");
            assertThat(p.meters().bandReductionDb(6)).isEqualTo(24f);
            return null;
        });
    }

    @Test
    void slidersAreAccessibleSlidersNamedByTheirLabels() throws Exception {
        FakeEditorModel m = modelWithMeters();
        onEdt(() -> {
            EditorPanel p = new EditorPanel(m);
            ParameterSlider s = p.slider(Parameter.SUPPRESSION);
            assertThat(s.isFocusable()).isTrue();
            var ac = s.getAccessibleContext();
            assertThat(ac.getAccessibleRole()).isEqualTo(AccessibleRole.SLIDER);
            assertThat(ac.getAccessibleName()).isEqualTo("Suppression");
            assertThat(ac.getAccessibleDescription()).isEqualTo("40.0 dB");
            assertThat(ac.getAccessibleValue().getMaximumAccessibleValue()).isEqualTo(100.0);
            ac.getAccessibleValue().setCurrentAccessibleValue(12);
            assertThat(m.get(Parameter.SUPPRESSION)).isEqualTo(12.0);
            return null;
        });
    }

    @Test
    void sizesFollowTheFontSoTheEditorScalesWithHiDpiSettings() throws Exception {
        FakeEditorModel m = modelWithMeters();
        onEdt(() -> {
            EditorPanel small = new EditorPanel(m);
            EditorPanel large = new EditorPanel(m);
            Font f = small.getFont();
            Screens.setFontTree(small, f.deriveFont(12f));
            Screens.setFontTree(large, f.deriveFont(24f));
            for (Parameter param : new Parameter[] {Parameter.SUPPRESSION, Parameter.OUTPUT_GAIN}) {
                Dimension a = small.slider(param).getPreferredSize();
                Dimension b = large.slider(param).getPreferredSize();
                assertThat((double) b.width / a.width).isCloseTo(2.0, within(0.25));
                assertThat((double) b.height / a.height).isCloseTo(2.0, within(0.25));
            }
            for (String name : new String[] {"meter.in", "meter.gr", "meter.bands", "meter.pitch"}) {
                Dimension a = find(small, name).getPreferredSize();
                Dimension b = find(large, name).getPreferredSize();
                assertThat((double) b.width / a.width).as(name).isCloseTo(2.0, within(0.25));
                assertThat((double) b.height / a.height).as(name).isCloseTo(2.0, within(0.25));
            }
            // The whole panel grows with the font too (look-and-feel paddings scale with FlatLaf's own UI scale).
            Dimension a = small.getPreferredSize();
            Dimension b = large.getPreferredSize();
            assertThat((double) b.width / a.width).isGreaterThan(1.6);
            assertThat((double) b.height / a.height).isGreaterThan(1.6);
            return null;
        });
    }

    static java.awt.Component find(java.awt.Component root, String name) {
        if (name.equals(root.getName())) {
            return root;
        }
        if (root instanceof java.awt.Container k) {
            for (java.awt.Component c : k.getComponents()) {
                java.awt.Component f = find(c, name);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    @Test
    void paintsAtOneAndTwoTimesScale() throws Exception {
        FakeEditorModel m = modelWithMeters();
        BufferedImage[] img = onEdt(() -> {
            EditorPanel p = new EditorPanel(m);
            p.setSize(p.getPreferredSize());
            Screens.layoutTree(p);
            p.tick();
            return new BufferedImage[] {Screens.paint(p, 1), Screens.paint(p, 2)};
        });
        // Text layout at a true 2x device scale is checked in a window under Xvfb (XvfbScreenshotTest); here the
        // custom painting must simply work at both scales.
        assertThat(img[1].getWidth()).isEqualTo(2 * img[0].getWidth());
        assertThat(Screens.distinctColours(img[0])).isGreaterThan(50);
        assertThat(Screens.distinctColours(img[1])).isGreaterThan(50);
        Screens.save(img[0], "editor-headless");
        assertThat(Arrays.asList(img)).allMatch(i -> i.getHeight() > 0);
    }
}
