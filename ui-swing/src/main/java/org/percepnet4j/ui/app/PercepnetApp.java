package org.percepnet4j.ui.app;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.awt.datatransfer.DataFlavor;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javax.sound.sampled.LineUnavailableException;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.Timer;
import javax.swing.TransferHandler;
import javax.swing.WindowConstants;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.engine.Processor;
import org.percepnet4j.models.Models;
import org.percepnet4j.ui.EditorPanel;
import org.percepnet4j.ui.PresetStore;
import org.percepnet4j.ui.Theme;

/**
 * The standalone app ({@code percepnet gui}): open WAV/AIFF files (menu, button or drag and drop), pick a preset or
 * adjust, render every file with a progress bar and cancel, compare original and result by ear (A/B, same
 * position) and by eye (before/after spectrograms), and save with the CLI's rules (see {@link SaveRules}).
 */
public final class PercepnetApp {

    /** Asks the user a yes/no question; replaceable so tests can answer. */
    public interface Confirmer {
        boolean confirm(Component parent, String title, String message);
    }

    private static final int SPECTROGRAM_COLUMNS = 1200;
    private static final int SPECTROGRAM_ROWS = 256;

    private final OfflineRenderer renderer;
    private final GainModel model;
    private final AppEditorModel editorModel;
    private final EditorPanel editor;
    private final JFrame frame = new JFrame("percepnet4j");
    private final DefaultListModel<FileEntry> files = new DefaultListModel<>();
    private final JList<FileEntry> fileList = new JList<>(files);
    private final SpectrogramView before = new SpectrogramView("Before");
    private final SpectrogramView after = new SpectrogramView("After");
    private final JProgressBar progress = new JProgressBar(0, 1000);
    private final JLabel status = new JLabel(" ");
    private final Player player = new Player();
    private final JToggleButton listenOriginal = new JToggleButton("A: Original");
    private final JToggleButton listenProcessed = new JToggleButton("B: Processed");
    private final Action openAction;
    private final Action renderAction;
    private final Action cancelAction;
    private final Action playAction;
    private final Action stopAction;
    private final Action saveAction;
    private final Action saveAllAction;
    private final Timer cursorTimer;
    private Confirmer confirmer = (parent, title, message) -> JOptionPane.showConfirmDialog(parent, message, title,
            JOptionPane.YES_NO_OPTION, JOptionPane.WARNING_MESSAGE) == JOptionPane.YES_OPTION;
    private SwingWorker<?, ?> renderWorker;
    private Processor monitor;
    /** True while play() waits for the output device (on a worker): Play stays disabled meanwhile. EDT only. */
    private boolean openingOutput;
    private String lastMessage = "";

    /**
     * Builds the window (not shown yet). Call on the event thread.
     *
     * @param model   the gain model renders use ({@code Models.loadDefault()} in the product)
     * @param presets factory then user presets
     */
    public PercepnetApp(GainModel model, PresetStore presets) {
        this.model = model;
        this.renderer = new OfflineRenderer(model);
        this.editorModel = new AppEditorModel(presets, this::settingsChanged);
        this.editor = new EditorPanel(editorModel);

        openAction = action("Open\u2026", KeyEvent.VK_O, KeyStroke.getKeyStroke(KeyEvent.VK_O, menuMask()), e -> chooseFiles());
        renderAction = action("Render", KeyEvent.VK_R, KeyStroke.getKeyStroke(KeyEvent.VK_R, menuMask()), e -> render());
        cancelAction = action("Cancel", KeyEvent.VK_C, KeyStroke.getKeyStroke(KeyEvent.VK_PERIOD, menuMask()), e -> cancelRender());
        playAction = action("Play", KeyEvent.VK_P, KeyStroke.getKeyStroke(KeyEvent.VK_P, menuMask()), e -> play());
        stopAction = action("Stop", KeyEvent.VK_T, KeyStroke.getKeyStroke(KeyEvent.VK_T, menuMask()), e -> stopPlayback());
        saveAction = action("Save\u2026", KeyEvent.VK_S, KeyStroke.getKeyStroke(KeyEvent.VK_S, menuMask()), e -> chooseSaveTarget());
        saveAllAction = action("Save all to folder\u2026", KeyEvent.VK_A, null, e -> chooseSaveAllFolder());

        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                player.stop();
                cancelRender();
            }
        });
        frame.setJMenuBar(menuBar());
        frame.setContentPane(content());
        frame.setTransferHandler(new FileDropHandler());
        fileList.setTransferHandler(new FileDropHandler());
        cursorTimer = new Timer(1000 / EditorPanel.FRAMES_PER_SECOND, e -> {
            before.repaint();
            after.repaint();
        });
        updateActions();
        frame.pack();
        frame.setLocationByPlatform(true);
    }

    private static int menuMask() {
        try {
            return java.awt.Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        } catch (java.awt.HeadlessException e) {
            return KeyEvent.CTRL_DOWN_MASK;
        }
    }

    private Action action(String name, int mnemonic, KeyStroke accelerator, java.util.function.Consumer<ActionEvent> body) {
        Action a = new AbstractAction(name) {
            @Override
            public void actionPerformed(ActionEvent e) {
                body.accept(e);
            }
        };
        a.putValue(Action.MNEMONIC_KEY, mnemonic);
        if (accelerator != null) {
            a.putValue(Action.ACCELERATOR_KEY, accelerator);
        }
        return a;
    }

    private JMenuBar menuBar() {
        JMenuBar bar = new JMenuBar();
        JMenu file = new JMenu("File");
        file.setMnemonic(KeyEvent.VK_F);
        file.add(openAction);
        file.add(saveAction);
        file.add(saveAllAction);
        file.addSeparator();
        file.add(action("Close", KeyEvent.VK_X, KeyStroke.getKeyStroke(KeyEvent.VK_W, menuMask()), e -> frame.dispose()));
        JMenu process = new JMenu("Process");
        process.setMnemonic(KeyEvent.VK_P);
        process.add(renderAction);
        process.add(cancelAction);
        JMenu listen = new JMenu("Listen");
        listen.setMnemonic(KeyEvent.VK_L);
        listen.add(playAction);
        listen.add(stopAction);
        listen.add(action("Switch A/B", KeyEvent.VK_B, KeyStroke.getKeyStroke(KeyEvent.VK_B, menuMask()), e -> toggleAB()));
        bar.add(file);
        bar.add(process);
        bar.add(listen);
        return bar;
    }

    private JComponent content() {
        int u = frame.getFontMetrics(frame.getFont() != null ? frame.getFont()
                : javax.swing.UIManager.getFont("Label.font")).getHeight();
        int gap = Math.max(2, u / 2);

        fileList.setName("files");
        fileList.getAccessibleContext().setAccessibleName("Opened files");
        fileList.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        fileList.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                stopPlayback();
                showSelected();
            }
        });
        fileList.setVisibleRowCount(8);
        JPanel filesPanel = new JPanel(new BorderLayout(0, gap));
        JLabel filesLabel = new JLabel("Files (drop WAV/AIFF here)");
        filesLabel.setLabelFor(fileList);
        filesPanel.add(filesLabel, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(fileList);
        scroll.setPreferredSize(new Dimension(u * 14, u * 10));
        filesPanel.add(scroll, BorderLayout.CENTER);
        JPanel fileButtons = new JPanel(new GridLayout(1, 0, gap, 0));
        fileButtons.add(new JButton(openAction));
        filesPanel.add(fileButtons, BorderLayout.SOUTH);
        filesPanel.setBorder(BorderFactory.createEmptyBorder(gap, gap, gap, 0));

        JPanel spectra = new JPanel(new GridLayout(2, 1, 0, gap));
        spectra.add(before);
        spectra.add(after);
        before.setCursor(this::cursorFrame);
        after.setCursor(this::cursorFrame);
        spectra.setBorder(BorderFactory.createEmptyBorder(0, gap, gap, gap));

        JSplitPane right = new JSplitPane(JSplitPane.VERTICAL_SPLIT, editor, spectra);
        right.setResizeWeight(0.5);
        right.setBorder(null);

        JPanel transport = new JPanel(new FlowLayout(FlowLayout.LEFT, gap, 0));
        transport.add(button(renderAction, "render"));
        transport.add(button(cancelAction, "cancel"));
        progress.setName("progress");
        progress.setStringPainted(true);
        progress.setString("");
        progress.getAccessibleContext().setAccessibleName("Render progress");
        progress.setPreferredSize(new Dimension(u * 10, progress.getPreferredSize().height));
        transport.add(progress);
        ButtonGroup ab = new ButtonGroup();
        listenOriginal.setName("listenOriginal");
        listenProcessed.setName("listenProcessed");
        listenOriginal.setMnemonic(KeyEvent.VK_A);
        listenProcessed.setMnemonic(KeyEvent.VK_B);
        ab.add(listenOriginal);
        ab.add(listenProcessed);
        listenOriginal.setSelected(true);
        listenOriginal.addActionListener(e -> player.select(Player.Source.ORIGINAL));
        listenProcessed.addActionListener(e -> player.select(Player.Source.PROCESSED));
        transport.add(listenOriginal);
        transport.add(listenProcessed);
        transport.add(button(playAction, "play"));
        transport.add(button(stopAction, "stop"));
        transport.add(button(saveAction, "save"));
        transport.add(button(saveAllAction, "saveAll"));

        JPanel south = new JPanel(new BorderLayout());
        south.add(transport, BorderLayout.NORTH);
        status.setName("status");
        status.setBorder(BorderFactory.createEmptyBorder(gap / 2, gap, gap / 2, gap));
        status.getAccessibleContext().setAccessibleName("Status");
        south.add(status, BorderLayout.SOUTH);
        south.setBorder(BorderFactory.createEmptyBorder(0, 0, 0, 0));

        JSplitPane main = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, filesPanel, right);
        main.setBorder(null);
        JPanel root = new JPanel(new BorderLayout());
        root.add(main, BorderLayout.CENTER);
        root.add(south, BorderLayout.SOUTH);
        return root;
    }

    private static JButton button(Action a, String name) {
        JButton b = new JButton(a);
        b.setName(name);
        return b;
    }

    // ---- files ----

    private void chooseFiles() {
        JFileChooser fc = new JFileChooser();
        fc.setMultiSelectionEnabled(true);
        fc.setFileFilter(new FileNameExtensionFilter("WAV and AIFF audio", "wav", "aif", "aiff", "aifc"));
        if (fc.showOpenDialog(frame) == JFileChooser.APPROVE_OPTION) {
            List<Path> paths = new ArrayList<>();
            for (File f : fc.getSelectedFiles()) {
                paths.add(f.toPath());
            }
            openFiles(paths);
        }
    }

    /** Reads the files in the background and adds those that load; errors go to the status line, one per file. */
    public SwingWorker<?, ?> openFiles(List<Path> paths) {
        setStatus("Opening " + paths.size() + (paths.size() == 1 ? " file\u2026" : " files\u2026"));
        SwingWorker<List<FileEntry>, Void> w = new SwingWorker<>() {
            private final List<String> errors = new ArrayList<>();

            @Override
            protected List<FileEntry> doInBackground() {
                List<FileEntry> loaded = new ArrayList<>();
                for (Path p : paths) {
                    try {
                        if (Files.isDirectory(p)) {
                            throw new IOException(p + ": is a folder; open the audio files in it");
                        }
                        AudioClip clip = AudioFiles.read(p);
                        loaded.add(new FileEntry(p, clip, Spectrogram.compute(clip, SPECTROGRAM_COLUMNS, SPECTROGRAM_ROWS)));
                    } catch (IOException | RuntimeException e) {
                        errors.add(e.getMessage() != null ? e.getMessage() : p + ": " + e);
                    }
                }
                return loaded;
            }

            @Override
            protected void done() {
                try {
                    List<FileEntry> loaded = get();
                    for (FileEntry e : loaded) {
                        files.addElement(e);
                    }
                    if (!loaded.isEmpty()) {
                        fileList.setSelectedValue(loaded.get(0), true);
                    }
                    setStatus(errors.isEmpty() ? "Opened " + loaded.size() + " file(s)"
                            : "Could not open: " + String.join("; ", errors));
                } catch (InterruptedException | ExecutionException e) {
                    setStatus("Could not open files: " + e.getMessage());
                }
                updateActions();
            }
        };
        w.execute();
        return w;
    }

    private void showSelected() {
        FileEntry e = fileList.getSelectedValue();
        if (e == null) {
            before.setPlaceholder("Open a file");
            after.setPlaceholder("");
        } else {
            before.show(e.before, e.original.frames());
            if (e.after != null) {
                after.show(e.after, e.original.frames());
            } else {
                after.setPlaceholder("Render to see the result");
            }
            frame.setTitle("percepnet4j \u2014 " + e.path.getFileName() + " (" + AudioFiles.describe(e.original.format())
                    + String.format(java.util.Locale.ROOT, ", %.1f s)", e.original.seconds()));
        }
        updateActions();
    }

    // ---- render ----

    private void settingsChanged() {
        FileEntry e = fileList.getSelectedValue();
        if (e != null && e.rendered() && !e.upToDate(editorModel.settings())) {
            setStatus("Settings changed since the last render: render again to hear them");
        }
    }

    /** Renders every opened file that is not up to date with the current settings. */
    public SwingWorker<Integer, Void> render() {
        if (renderWorker != null && !renderWorker.isDone()) {
            return null;
        }
        Map<Parameter, Double> settings = editorModel.settings();
        List<FileEntry> todo = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (!files.get(i).upToDate(settings)) {
                todo.add(files.get(i));
            }
        }
        if (todo.isEmpty()) {
            setStatus(files.isEmpty() ? "Open a file first" : "Everything is rendered with these settings");
            return null;
        }
        stopPlayback();
        progress.setValue(0);
        progress.setString("0 %");
        java.util.concurrent.atomic.AtomicReference<Processor> rendering = new java.util.concurrent.atomic.AtomicReference<>();
        SwingWorker<Integer, Void> w = new SwingWorker<>() {
            @Override
            protected Integer doInBackground() {
                int done = 0;
                for (FileEntry e : todo) {
                    int index = done;
                    float[][] out = renderer.render(e.original, settings,
                            f -> setProgress((int) Math.round(100 * (index + f) / todo.size())),
                            this::isCancelled,
                            p -> {
                                editorModel.release(rendering.getAndSet(p));
                                editorModel.meterSource(p);
                            });
                    e.after = Spectrogram.compute(e.original.withSamples(out), SPECTROGRAM_COLUMNS, SPECTROGRAM_ROWS);
                    e.renderedWith = settings;
                    e.processed = out;
                    done++;
                }
                return done;
            }

            @Override
            protected void done() {
                editorModel.release(rendering.get()); // finished: meters fall back to rest (or to playback)
                try {
                    int n = get();
                    progress.setValue(1000);
                    progress.setString("100 %");
                    setStatus("Rendered " + n + " file(s) with latency removed; listen with A/B or save");
                } catch (CancellationException e) {
                    progress.setString("cancelled");
                    setStatus("Render cancelled; files rendered before stay available");
                } catch (InterruptedException | ExecutionException e) {
                    Throwable c = e.getCause() != null ? e.getCause() : e;
                    progress.setString("failed");
                    setStatus("Render failed: " + c.getMessage());
                }
                fileList.repaint();
                showSelected();
            }
        };
        w.addPropertyChangeListener(ev -> {
            // Progress events are delivered late; once the worker finished, done() owns the bar's text.
            if ("progress".equals(ev.getPropertyName()) && !w.isDone()) {
                int pct = (Integer) ev.getNewValue();
                progress.setValue(pct * 10);
                progress.setString(pct + " %");
            }
        });
        renderWorker = w;
        setStatus("Rendering " + todo.size() + " file(s)\u2026");
        w.execute();
        updateActions();
        return w;
    }

    public void cancelRender() {
        if (renderWorker != null && !renderWorker.isDone()) {
            renderWorker.cancel(false);
        }
    }

    // ---- playback ----

    private long cursorFrame() {
        return player.playing() ? player.position() : -1;
    }

    private void toggleAB() {
        JToggleButton b = listenOriginal.isSelected() ? listenProcessed : listenOriginal;
        b.doClick();
    }

    private void play() {
        FileEntry e = fileList.getSelectedValue();
        if (e == null) {
            return;
        }
        if (listenProcessed.isSelected() && !e.rendered()) {
            setStatus("Render first to hear the processed version");
            return;
        }
        Processor m = new Processor(model);
        editorModel.settings().forEach(m::setParameter);
        m.prepare(e.original.sampleRate(), Player.BLOCK, e.original.channels());
        float[][] in = new float[e.original.channels()][Player.BLOCK];
        float[][] out = new float[e.original.channels()][Player.BLOCK];
        Player.Tap tap = (samples, offset, n) -> {
            for (int c = 0; c < samples.length; c++) {
                System.arraycopy(samples[c], offset, in[c], 0, n);
            }
            m.process(in, out, n);
        };
        // Opening a device can take long (or not answer): off the event thread, so the window never freezes.
        openingOutput = true;
        setStatus("Opening the audio output\u2026");
        updateActions();
        new SwingWorker<Void, Void>() {
            @Override
            protected Void doInBackground() throws LineUnavailableException {
                player.play(e.original, e.processed, 0, (frameNo, finished) -> {
                    if (finished) {
                        SwingUtilities.invokeLater(PercepnetApp.this::playbackEnded);
                    }
                }, tap);
                return null;
            }

            @Override
            protected void done() {
                openingOutput = false;
                try {
                    get();
                    if (player.playing()) { // not already over, nor stopped while the device opened
                        monitor = m;
                        editorModel.monitor(m);
                        cursorTimer.start();
                        setStatus("Playing " + (player.selected() == Player.Source.ORIGINAL ? "A (original)"
                                : "B (processed)") + "; switch with A/B at any time");
                    }
                } catch (ExecutionException ex) {
                    setStatus("Playback unavailable: " + (ex.getCause() != null ? ex.getCause() : ex).getMessage());
                } catch (InterruptedException | CancellationException ex) {
                    setStatus("Playback unavailable: " + ex);
                }
                updateActions();
            }
        }.execute();
    }

    private void playbackEnded() {
        cursorTimer.stop();
        if (monitor != null) {
            editorModel.release(monitor);
            monitor = null;
        }
        before.repaint();
        after.repaint();
        updateActions();
    }

    private void stopPlayback() {
        player.stop();
    }

    // ---- save ----

    private List<Path> inputs() {
        List<Path> list = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            list.add(files.get(i).path);
        }
        return list;
    }

    private void chooseSaveTarget() {
        FileEntry e = fileList.getSelectedValue();
        if (e == null || !e.rendered()) {
            return;
        }
        Path dir = e.path.toAbsolutePath().getParent();
        JFileChooser fc = new JFileChooser(dir.toFile());
        fc.setSelectedFile(SaveRules.suggestedOutput(e.path, dir).toFile());
        fc.setFileFilter(new FileNameExtensionFilter("WAV or AIFF", "wav", "aif", "aiff"));
        if (fc.showSaveDialog(frame) == JFileChooser.APPROVE_OPTION) {
            save(e, fc.getSelectedFile().toPath());
        }
    }

    /**
     * Saves the selected file's result to {@code target}: asks before replacing an input (default: no) or any
     * other existing file; writes through a temporary file. Returns true when written.
     */
    public boolean saveSelected(Path target) {
        FileEntry e = fileList.getSelectedValue();
        return e != null && e.rendered() && save(e, target);
    }

    private boolean save(FileEntry e, Path target) {
        boolean isInput = SaveRules.isInput(target, inputs());
        if (isInput && !confirmer.confirm(frame, "Replace the original?",
                target.getFileName() + " is one of the opened originals.\n"
                        + "Replacing it with the denoised version cannot be undone. Replace it?")) {
            setStatus("Not saved: " + target.getFileName() + " is an original");
            return false;
        }
        if (!isInput && Files.exists(target) && !confirmer.confirm(frame, "Replace file?",
                target.getFileName() + " already exists. Replace it?")) {
            setStatus("Not saved");
            return false;
        }
        try {
            SaveRules.save(e.original.withSamples(e.processed), target, inputs(), isInput);
            setStatus("Saved " + target);
            return true;
        } catch (IOException ex) {
            setStatus("Not saved: " + ex.getMessage());
            return false;
        }
    }

    private void chooseSaveAllFolder() {
        JFileChooser fc = new JFileChooser();
        fc.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        if (fc.showSaveDialog(frame) == JFileChooser.APPROVE_OPTION) {
            saveAll(fc.getSelectedFile().toPath());
        }
    }

    /** Saves every rendered file into {@code dir} under a fresh "-denoised" name; never replaces anything. */
    public int saveAll(Path dir) {
        int saved = 0;
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FileEntry e = files.get(i);
            if (!e.rendered()) {
                continue;
            }
            Path target = SaveRules.suggestedOutput(e.path, dir);
            try {
                SaveRules.save(e.original.withSamples(e.processed), target, inputs(), false);
                saved++;
            } catch (IOException ex) {
                failed.add(ex.getMessage());
            }
        }
        setStatus("Saved " + saved + " file(s) to " + dir + (failed.isEmpty() ? "" : "; failed: " + String.join("; ", failed)));
        return saved;
    }

    // ---- state ----

    private void setStatus(String text) {
        lastMessage = text;
        status.setText(text);
        status.getAccessibleContext().setAccessibleDescription(text);
    }

    private void updateActions() {
        FileEntry e = fileList.getSelectedValue();
        boolean rendering = renderWorker != null && !renderWorker.isDone();
        boolean anyRendered = false;
        for (int i = 0; i < files.size(); i++) {
            anyRendered |= files.get(i).rendered();
        }
        renderAction.setEnabled(!rendering && !files.isEmpty());
        cancelAction.setEnabled(rendering);
        openAction.setEnabled(!rendering);
        playAction.setEnabled(e != null && !player.playing() && !openingOutput);
        stopAction.setEnabled(player.playing());
        saveAction.setEnabled(!rendering && e != null && e.rendered());
        saveAllAction.setEnabled(!rendering && anyRendered);
        listenProcessed.setEnabled(e != null && e.rendered());
        if (e != null && !Player.outputAvailable(e.original.sampleRate(), e.original.channels())) {
            playAction.putValue(Action.SHORT_DESCRIPTION, "No audio output device found");
        }
    }

    public void setConfirmer(Confirmer c) {
        this.confirmer = c;
    }

    public JFrame frame() {
        return frame;
    }

    public EditorPanel editor() {
        return editor;
    }

    public String statusText() {
        return lastMessage;
    }

    public int fileCount() {
        return files.size();
    }

    /** The selected file's rendered samples, or null. */
    public float[][] selectedResult() {
        FileEntry e = fileList.getSelectedValue();
        return e == null ? null : e.processed;
    }

    public AudioClip selectedOriginal() {
        FileEntry e = fileList.getSelectedValue();
        return e == null ? null : e.original;
    }

    public void show() {
        frame.setVisible(true);
    }

    /** Drops of files from the desktop onto the window or the list. */
    private final class FileDropHandler extends TransferHandler {
        @Override
        public boolean canImport(TransferSupport support) {
            return support.isDataFlavorSupported(DataFlavor.javaFileListFlavor);
        }

        @Override
        @SuppressWarnings("unchecked")
        public boolean importData(TransferSupport support) {
            if (!canImport(support)) {
                return false;
            }
            try {
                List<File> dropped = (List<File>) support.getTransferable().getTransferData(DataFlavor.javaFileListFlavor);
                List<Path> paths = new ArrayList<>();
                for (File f : dropped) {
                    paths.add(f.toPath());
                }
                openFiles(paths);
                return true;
            } catch (Exception e) {
                setStatus("Could not take the dropped files: " + e.getMessage());
                return false;
            }
        }
    }

    /** How to call {@link #launch(String[])}; shown with argument errors. */
    public static final String USAGE = "percepnet gui [--model WEIGHTS.safetensors] [AUDIO_FILE...]";

    /**
     * Entry point for {@code percepnet gui}: arguments {@code [--model WEIGHTS] [AUDIO_FILE...]}; the default model
     * ({@code Models.loadDefault()}) unless {@code --model} names a weight file; user presets from the standard
     * folder. Opens the window and returns; the JVM stays alive until the window is closed. The JVM must not be
     * started with {@code -Djava.awt.headless=true}.
     *
     * @throws IllegalArgumentException with a one-line message for bad arguments
     * @throws IllegalStateException    with a one-line message when there is no display or the model cannot load
     */
    public static void launch(String[] args) {
        List<String> files = new ArrayList<>();
        Path weights = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--model")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--model needs a weight file (usage: " + USAGE + ")");
                }
                weights = Path.of(args[++i]);
            } else if (a.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + a + " (usage: " + USAGE + ")");
            } else {
                files.add(a);
            }
        }
        Path w = weights;
        launch(files.toArray(new String[0]), () -> {
            if (w == null) {
                return Models.loadDefault();
            }
            try {
                return Models.load(w);
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, PresetStore.standard());
    }

    /** {@code java -cp ... org.percepnet4j.ui.app.PercepnetApp [--model WEIGHTS] [AUDIO_FILE...]}. */
    public static void main(String[] args) {
        try {
            launch(args);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("percepnet gui: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Entry point for {@code percepnet gui [FILE...]} with an explicit model and preset store: installs the look,
     * opens the window and the given files, and returns; the JVM stays alive until the window is closed.
     *
     * @throws IllegalStateException with a one-line message when there is no display (headless JVM, no DISPLAY)
     */
    public static void launch(String[] args, Supplier<GainModel> modelLoader, PresetStore presets) {
        if (java.awt.GraphicsEnvironment.isHeadless()) {
            throw new IllegalStateException("percepnet gui needs a display: none is available"
                    + " (DISPLAY is not set or java.awt.headless=true); use 'percepnet denoise' instead");
        }
        List<Path> paths = new ArrayList<>();
        for (String a : args) {
            paths.add(Path.of(a));
        }
        GainModel gm = modelLoader.get();
        SwingUtilities.invokeLater(() -> {
            Theme.install();
            PercepnetApp app = new PercepnetApp(gm, presets);
            app.show();
            if (!paths.isEmpty()) {
                app.openFiles(paths);
            }
        });
    }
}
