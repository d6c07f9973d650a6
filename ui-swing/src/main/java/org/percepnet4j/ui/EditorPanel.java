package org.percepnet4j.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.FontMetrics;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.ActionEvent;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.Timer;
import org.percepnet4j.engine.MeterSnapshot;
import org.percepnet4j.engine.Parameter;

/**
 * The editor: a control for every {@link Parameter} (sliders with value fields for continuous ones, toggle buttons
 * for switches, both in enum order), the preset menu, level / reduction / per-band / pitch meters and the latency.
 *
 * <p>A Swing timer at {@link #FRAMES_PER_SECOND} reads the meters through {@link EditorModel#readMeters} on the
 * event thread and picks up parameter changes made elsewhere (host automation, presets); it runs only while the
 * panel is showing in a window. Nothing here touches the audio thread.
 */
public final class EditorPanel extends JPanel {

    public static final int FRAMES_PER_SECOND = 30;

    private final EditorModel model;
    private final MeterSnapshot snapshot = new MeterSnapshot();
    private final MeterModel meters = new MeterModel();
    private final PresetSelection presets;
    private final Map<Parameter, ParameterSlider> sliders = new EnumMap<>(Parameter.class);
    private final Map<Parameter, JTextField> fields = new EnumMap<>(Parameter.class);
    private final Map<Parameter, JToggleButton> toggles = new EnumMap<>(Parameter.class);
    private final List<JComponent> meterViews = new ArrayList<>();
    private final JComboBox<PresetEntry> presetMenu = new JComboBox<>();
    private final JLabel presetStatus = new JLabel(" ");
    private final JLabel latency = new JLabel();
    private final BandReductionDisplay bands;
    private final Timer timer;
    private boolean updatingPresetMenu;

    public EditorPanel(EditorModel model) {
        super(new BorderLayout());
        this.model = model;
        this.presets = new PresetSelection(model);
        this.bands = new BandReductionDisplay(meters);
        setName("editor");
        getAccessibleContext().setAccessibleName("PercepNet denoiser editor");
        FontMetrics fm = getFontMetrics(getFont());
        int u = fm.getHeight();
        int gap = Math.max(2, u / 2);
        setBorder(BorderFactory.createEmptyBorder(gap, gap, gap, gap));

        add(header(gap), BorderLayout.NORTH);
        add(body(u, gap), BorderLayout.CENTER);
        add(status(gap), BorderLayout.SOUTH);

        timer = new Timer(1000 / FRAMES_PER_SECOND, e -> tick());
        timer.setCoalesce(true);
        reloadPresets();
        tick();
    }

    private JComponent header(int gap) {
        JPanel p = new JPanel();
        p.setLayout(new BoxLayout(p, BoxLayout.X_AXIS));
        JLabel label = new JLabel("Preset");
        label.setDisplayedMnemonic(KeyEvent.VK_P);
        label.setLabelFor(presetMenu);
        presetMenu.setName("presetMenu");
        presetMenu.getAccessibleContext().setAccessibleName("Preset");
        presetMenu.addActionListener(e -> {
            if (!updatingPresetMenu && presetMenu.getSelectedItem() instanceof PresetEntry pe) {
                presets.choose(pe);
                tick();
            }
        });
        presetMenu.setRenderer(new javax.swing.DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(javax.swing.JList<?> list, Object value, int index,
                                                                   boolean selected, boolean focus) {
                java.awt.Component c = super.getListCellRendererComponent(list, value, index, selected, focus);
                if (value instanceof PresetEntry pe && c instanceof JComponent jc) {
                    jc.setToolTipText(pe.description().isEmpty() ? null : pe.description());
                }
                return c;
            }
        });
        presetStatus.setName("presetStatus");
        presetStatus.setForeground(Theme.dimText());
        p.add(label);
        p.add(Box.createHorizontalStrut(gap));
        p.add(presetMenu);
        if (model.canSavePresets()) {
            javax.swing.JButton save = new javax.swing.JButton("Save\u2026");
            save.setName("savePreset");
            save.setToolTipText("Save the current settings as a user preset");
            save.getAccessibleContext().setAccessibleName("Save preset");
            save.addActionListener(e -> promptSavePreset());
            p.add(Box.createHorizontalStrut(gap));
            p.add(save);
        }
        p.add(Box.createHorizontalStrut(gap));
        p.add(presetStatus);
        p.add(Box.createHorizontalGlue());
        for (Parameter param : Parameter.values()) {
            if (!param.isSwitch()) {
                continue;
            }
            JToggleButton b = new JToggleButton(param.displayName());
            b.setName("toggle." + param.key());
            b.setToolTipText(switchHint(param));
            b.addActionListener(e -> {
                model.beginEdit(param);
                model.set(param, b.isSelected() ? 1 : 0);
                model.endEdit(param);
            });
            toggles.put(param, b);
            p.add(Box.createHorizontalStrut(gap));
            p.add(b);
        }
        p.setBorder(BorderFactory.createEmptyBorder(0, 0, gap, 0));
        return p;
    }

    private static String switchHint(Parameter p) {
        return switch (p) {
            case BYPASS -> "Pass the input through unchanged (latency stays the same)";
            case LISTEN_NOISE -> "Hear only what the denoiser removes";
            case DUAL_MONO -> "Analyse every channel on its own instead of linked";
            default -> p.displayName();
        };
    }

    private JComponent body(int u, int gap) {
        JPanel controls = new JPanel(new GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(gap / 2, 0, gap / 2, gap);
        int row = 0;
        for (Parameter p : Parameter.values()) {
            if (p.isSwitch()) {
                continue;
            }
            ParameterControlModel control = new ParameterControlModel(model, p);
            ParameterSlider slider = new ParameterSlider(control);
            JLabel label = new JLabel(p.displayName());
            label.setLabelFor(slider);
            JTextField field = valueField(control);
            sliders.put(p, slider);
            fields.put(p, field);
            c.gridy = row++;
            c.gridx = 0;
            c.weightx = 0;
            c.fill = GridBagConstraints.NONE;
            c.anchor = GridBagConstraints.LINE_START;
            controls.add(label, c);
            c.gridx = 1;
            c.weightx = 1;
            c.fill = GridBagConstraints.HORIZONTAL;
            controls.add(slider, c);
            c.gridx = 2;
            c.weightx = 0;
            c.insets = new Insets(gap / 2, 0, gap / 2, 0);
            controls.add(field, c);
            c.insets = new Insets(gap / 2, 0, gap / 2, gap);
        }

        JPanel meterColumn = new JPanel(new GridBagLayout());
        LevelMeter in = new LevelMeter("IN", "Input level", LevelMeter.Kind.LEVEL,
                meters::inputDb, meters::inputPeakDb, meters::inputText);
        LevelMeter out = new LevelMeter("OUT", "Output level", LevelMeter.Kind.LEVEL,
                meters::outputDb, meters::outputPeakDb, meters::outputText);
        LevelMeter gr = new LevelMeter("GR", "Gain reduction", LevelMeter.Kind.REDUCTION,
                meters::reductionDb, meters::reductionDb, meters::reductionText);
        GridBagConstraints m = new GridBagConstraints();
        m.gridy = 0;
        m.weighty = 1;
        m.fill = GridBagConstraints.VERTICAL;
        m.insets = new Insets(0, gap / 2, 0, gap / 2);
        for (LevelMeter lm : List.of(in, out, gr)) {
            meterColumn.add(lm, m);
            meterViews.add(lm);
        }

        JPanel body = new JPanel(new GridBagLayout());
        GridBagConstraints b = new GridBagConstraints();
        b.gridx = 0;
        b.gridy = 0;
        b.weightx = 1;
        b.fill = GridBagConstraints.HORIZONTAL;
        b.anchor = GridBagConstraints.NORTH;
        body.add(controls, b);
        b.gridy = 1;
        b.weighty = 1;
        b.fill = GridBagConstraints.BOTH;
        b.insets = new Insets(gap, 0, 0, 0);
        body.add(bands, b);
        meterViews.add(bands);
        b.gridx = 1;
        b.gridy = 0;
        b.gridheight = 2;
        b.weightx = 0;
        b.fill = GridBagConstraints.VERTICAL;
        b.insets = new Insets(0, gap, 0, 0);
        body.add(meterColumn, b);
        return body;
    }

    private JTextField valueField(ParameterControlModel control) {
        Parameter p = control.parameter();
        JTextField f = new JTextField(control.text(), 7);
        f.setName("field." + p.key());
        f.setHorizontalAlignment(JTextField.RIGHT);
        f.getAccessibleContext().setAccessibleName(p.displayName() + " value");
        f.setToolTipText("Type a value from " + p.formatWithUnit(p.min()) + " to " + p.formatWithUnit(p.max()));
        Runnable commit = () -> {
            try {
                control.setText(f.getText());
                f.putClientProperty("JComponent.outline", null);
                f.setToolTipText("Type a value from " + p.formatWithUnit(p.min()) + " to " + p.formatWithUnit(p.max()));
                f.setText(control.text());
            } catch (IllegalArgumentException ex) {
                f.putClientProperty("JComponent.outline", "error");
                f.setToolTipText(ex.getMessage());
            }
        };
        f.addActionListener(e -> commit.run());
        f.addFocusListener(new FocusAdapter() {
            @Override
            public void focusLost(FocusEvent e) {
                commit.run();
            }
        });
        // Up/Down step the value from the field too, Shift for fine steps, like the slider.
        bindFieldStep(f, control, KeyEvent.VK_UP, 0, 1, ParameterControlModel.Granularity.NORMAL);
        bindFieldStep(f, control, KeyEvent.VK_DOWN, 0, -1, ParameterControlModel.Granularity.NORMAL);
        bindFieldStep(f, control, KeyEvent.VK_UP, KeyEvent.SHIFT_DOWN_MASK, 1, ParameterControlModel.Granularity.FINE);
        bindFieldStep(f, control, KeyEvent.VK_DOWN, KeyEvent.SHIFT_DOWN_MASK, -1, ParameterControlModel.Granularity.FINE);
        f.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "revert");
        f.getActionMap().put("revert", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                f.putClientProperty("JComponent.outline", null);
                f.setText(control.text());
            }
        });
        return f;
    }

    private static void bindFieldStep(JTextField f, ParameterControlModel control, int key, int modifiers, int dir,
                                      ParameterControlModel.Granularity g) {
        String name = "step" + dir + g;
        f.getInputMap().put(KeyStroke.getKeyStroke(key, modifiers), name);
        f.getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                control.step(dir, g);
                f.putClientProperty("JComponent.outline", null);
                f.setText(control.text());
            }
        });
    }

    private JComponent status(int gap) {
        JPanel p = new JPanel(new BorderLayout(gap, 0));
        PitchIndicator pitch = new PitchIndicator(meters);
        meterViews.add(pitch);
        p.add(pitch, BorderLayout.CENTER);
        JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, gap, 0));
        JLabel caption = new JLabel("Latency");
        caption.setLabelFor(latency);
        latency.setName("latency");
        latency.getAccessibleContext().setAccessibleName("Latency");
        right.add(caption);
        right.add(latency);
        p.add(right, BorderLayout.EAST);
        p.setBorder(BorderFactory.createEmptyBorder(gap, 0, 0, 0));
        return p;
    }

    private void promptSavePreset() {
        PresetEntry current = presets.selected();
        Object answer = javax.swing.JOptionPane.showInputDialog(this, "Name of the user preset:", "Save preset",
                javax.swing.JOptionPane.PLAIN_MESSAGE, null, null,
                current != null && !current.factory() ? current.name() : "");
        if (answer instanceof String name && !name.isBlank()) {
            try {
                savePreset(name);
            } catch (IOException | IllegalArgumentException ex) {
                javax.swing.JOptionPane.showMessageDialog(this, ex.getMessage(), "Preset not saved",
                        javax.swing.JOptionPane.ERROR_MESSAGE);
            }
        }
    }

    /** Saves the current settings as a user preset, reloads the menu and selects the new entry. */
    public PresetEntry savePreset(String name) throws IOException {
        PresetEntry saved = model.savePreset(name);
        presets.remember(saved);
        reloadPresets();
        for (int i = 0; i < presetMenu.getItemCount(); i++) {
            PresetEntry pe = presetMenu.getItemAt(i);
            if (!pe.factory() && pe.name().equals(saved.name())) {
                updatingPresetMenu = true;
                try {
                    presetMenu.setSelectedIndex(i);
                } finally {
                    updatingPresetMenu = false;
                }
                presets.remember(pe);
            }
        }
        tick();
        return saved;
    }

    /** Re-reads the preset list (after the user saved or imported one). */
    public void reloadPresets() {
        updatingPresetMenu = true;
        try {
            List<PresetEntry> list = presets.available();
            presetMenu.setModel(new DefaultComboBoxModel<>(list.toArray(new PresetEntry[0])));
            PresetEntry sel = presets.selected();
            if (sel == null) {
                // Opening the editor on unchanged settings: show the preset they equal (e.g. "Default").
                sel = list.stream().filter(pe -> pe.values().size() > 1 && pe.matches(model)).findFirst().orElse(null);
                if (sel != null) {
                    presets.remember(sel);
                }
            }
            presetMenu.setSelectedIndex(-1);
            for (PresetEntry pe : list) {
                if (sel != null && pe.factory() == sel.factory() && pe.name().equals(sel.name())) {
                    presetMenu.setSelectedItem(pe);
                }
            }
            presetMenu.setEnabled(!list.isEmpty());
            if (list.isEmpty()) {
                presetMenu.setToolTipText("No presets available");
            }
        } finally {
            updatingPresetMenu = false;
        }
    }

    /** One refresh: meters, values changed elsewhere, preset status. The timer calls it; tests may too. */
    public void tick() {
        model.readMeters(snapshot);
        meters.update(snapshot, System.nanoTime());
        sliders.values().forEach(ParameterSlider::refresh);
        fields.forEach((p, f) -> {
            if (!f.isFocusOwner() && f.getClientProperty("JComponent.outline") == null) {
                String t = p.formatWithUnit(model.get(p));
                if (!t.equals(f.getText())) {
                    f.setText(t);
                }
            }
        });
        toggles.forEach((p, b) -> {
            boolean on = model.get(p) >= 0.5;
            if (b.isSelected() != on) {
                b.setSelected(on);
            }
        });
        String st = presets.status();
        if (!st.equals(presetStatus.getText().trim())) {
            presetStatus.setText(st.isEmpty() ? " " : st);
        }
        bands.setScaleFromLimit(model.get(Parameter.SUPPRESSION));
        String lat = meters.latencyText();
        if (!lat.equals(latency.getText())) {
            latency.setText(lat);
        }
        meterViews.forEach(JComponent::repaint);
    }

    /** Chooses a preset as if picked from the menu. */
    public void choosePreset(PresetEntry preset) {
        presetMenu.setSelectedItem(preset);
        if (presets.selected() != preset) {
            presets.choose(preset);
        }
        tick();
    }

    public MeterModel meters() {
        return meters;
    }

    public PresetSelection presetSelection() {
        return presets;
    }

    public ParameterSlider slider(Parameter p) {
        return sliders.get(p);
    }

    public JTextField field(Parameter p) {
        return fields.get(p);
    }

    public JToggleButton toggle(Parameter p) {
        return toggles.get(p);
    }

    public boolean refreshing() {
        return timer.isRunning();
    }

    @Override
    public void addNotify() {
        super.addNotify();
        timer.start();
    }

    @Override
    public void removeNotify() {
        // Closing the plugin window must stop reading meters; nothing keeps running behind a closed editor.
        timer.stop();
        super.removeNotify();
    }
}
