package org.percepnet4j.vst;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

import org.percepnet4j.engine.GainModel;
import org.percepnet4j.engine.Parameter;
import org.percepnet4j.engine.Processor;
import org.percepnet4j.presets.Preset;
import org.percepnet4j.presets.PresetChunk;
import org.percepnet4j.presets.PresetFormatException;
import org.percepnet4j.ui.ProcessorEditorModel;

/**
 * The Java half of one VST plugin instance, called by the native shim ({@code plugin-vst/src/main/c/plugin.c}).
 * It owns the instance's {@link Processor}; every method takes and returns primitives so that a call creates no
 * JNI references, and text and state travel through a direct {@code message} buffer that the shim owns.
 *
 * <p>Threads, as the shim guarantees them: {@link #process} runs on the host's audio thread and is never concurrent
 * with {@link #prepare} or {@link #reset}; {@link #setNormalized} / {@link #getNormalized} / {@link #setBypass} come
 * from any thread (the Processor's parameters are lock-free); text, state and program calls come from non-audio
 * threads, one at a time (the shim serialises access to the message buffer).
 */
public final class PluginBridge {

    /* Text kinds: keep in step with the TEXT_* constants in plugin.c. */
    static final int TEXT_PARAM_NAME = 0;
    static final int TEXT_PARAM_LABEL = 1;
    static final int TEXT_PARAM_DISPLAY = 2;
    static final int TEXT_PARAM_LONG_NAME = 3;
    static final int TEXT_PROGRAM_NAME = 4;
    static final int TEXT_PROGRAM_NAME_INDEXED = 5;
    static final int TEXT_EDITOR_NOTE = 6;
    /* hostGesture kinds: keep in step with GESTURE_* in plugin.c. */
    static final int GESTURE_BEGIN = 0;
    static final int GESTURE_CHANGED = 1;
    static final int GESTURE_END = 2;
    /* parameterFlags bits: keep in step with PARAM_FLAG_* in plugin.c. */
    static final int FLAG_SWITCH = 1;
    static final int FLAG_DISCRETE = 2;

    private static final Parameter[] PARAMETERS = Parameter.values();

    private final GainModel model;
    private final Processor processor;
    private final int channels;
    private final ByteBuffer message;
    private final Programs programs;
    /** Replaced by prepare (host rate or block size change); read once per block by process. */
    private volatile AudioBuffers audio;
    /** Consecutive exactly silent input samples (audio thread only; see onsetAfterLongSilence). */
    private long silentRun;
    private long silenceBeforeRestart = Long.MAX_VALUE;
    private volatile int program;
    private volatile String programName;
    /** Guards {@link #hostHandle}: a gesture holds it while calling the host, close clears the handle under it. */
    private final Object hostLock = new Object();
    /** The shim's instance pointer for host callbacks from the editor; 0 before enableEditor and after close. */
    private long hostHandle;
    /** Null when the plugin reports no editor. */
    private volatile PluginEditor editor;

    PluginBridge(GainModel model, int channels, ByteBuffer message, Programs programs) {
        if (channels < 1 || channels > 2) {
            throw new IllegalArgumentException("the plugin has 1 or 2 channels, not " + channels);
        }
        this.model = Objects.requireNonNull(model, "model");
        this.processor = new Processor(model);
        this.channels = channels;
        this.message = Objects.requireNonNull(message, "message");
        this.programs = programs;
        PluginState first = programs.get(0);
        apply(first);
    }

    /**
     * Called by the shim's entry point for each new instance.
     *
     * @param testGainModel null for the shipped default model; the class name of a test model in test bundles
     * @param message       the shim's direct buffer for text and state
     */
    public static PluginBridge create(int channels, String testGainModel, ByteBuffer message) {
        if (!message.isDirect()) {
            throw new IllegalArgumentException("the message buffer must be direct");
        }
        return new PluginBridge(GainModels.resolve(testGainModel), channels, message, Programs.factory());
    }

    public static int parameterCount() {
        return PARAMETERS.length;
    }

    public static int programCount() {
        return Programs.factory().count();
    }

    // ---- audio ---------------------------------------------------------------------------------------------

    /**
     * Prepares for a host rate and largest block with the shim's new audio buffers (host thread, audio stopped).
     *
     * @return the latency in samples, or -1 when the rate is outside 8..192 kHz (audio then passes through)
     */
    public int prepare(double sampleRate, int maxBlock, ByteBuffer in, ByteBuffer out) {
        boolean supported = sampleRate >= Processor.MIN_SAMPLE_RATE && sampleRate <= Processor.MAX_SAMPLE_RATE;
        if (supported) {
            processor.prepare(sampleRate, maxBlock, channels);
        }
        audio = new AudioBuffers(in, out, channels, maxBlock, supported);
        // Enough silence for every delay line, analysis window, pitch buffer (~36 ms) and resampler inside to hold
        // only zeros, at the largest look-ahead: the reported latency plus six hops (~100 ms in all).
        silenceBeforeRestart = supported
                ? processor.latencySamplesForLookahead(Parameter.LOOKAHEAD.max()) + 6 * (int) Math.ceil(sampleRate / 100)
                : Long.MAX_VALUE;
        silentRun = 0;
        return supported ? processor.latencySamples() : -1;
    }

    /** One block of {@code frames} samples per channel (0..maxBlock) from the shim's buffers; returns the latency. */
    public int process(int frames) {
        AudioBuffers a = audio;
        int n = Math.max(0, Math.min(frames, a.maxBlock));
        if (!a.processing) {
            a.passThrough(n);
            return 0;
        }
        a.readInput(n);
        // The block runs in pieces that end where material follows a long silence; the Processor restarts there.
        int start = 0;
        while (start < n) {
            int onset = onsetAfterLongSilence(a.in, start, n);
            int end = onset < 0 ? n : onset;
            if (end > start) {
                processPiece(a, start, end);
            }
            if (onset < 0) {
                break;
            }
            processor.reset();
            start = onset;
        }
        a.writeOutput(n);
        return processor.latencySamples();
    }

    /*
     * Hosts such as Ardour keep a plugin running on digital silence between session load and an export without
     * resuming it, so where the first sample of the material falls within a 10 ms hop, and what the network's
     * recurrent state has drifted to, would depend on how long the host happened to run. After enough exact
     * silence the output is exact silence and nothing of the past can be heard, so the Processor is restarted at
     * the first non-zero sample: renders become reproducible and equal to an offline render of the material.
     * Exact to the sample whatever the block partition; live input (never exactly zero) never triggers it.
     */

    /**
     * Index in [from, n) of the first non-zero sample that ends a long enough run of exact silence, else -1. Counts
     * the silent run across calls, so a block's trailing silence counts towards the next onset.
     */
    private int onsetAfterLongSilence(float[][] in, int from, int n) {
        for (int i = from; i < n; i++) {
            boolean silent = true;
            for (int c = 0; c < channels; c++) {
                if (in[c][i] != 0f) {
                    silent = false;
                    break;
                }
            }
            if (silent) {
                silentRun++;
            } else {
                boolean restart = silentRun >= silenceBeforeRestart;
                silentRun = 0;
                if (restart) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * Samples [start, end) of the block through the Processor. Pieces after the first are moved to the front of
     * the spare arrays, since the Processor reads and writes from index 0. Before an onset the Processor's output
     * is already exact silence (see above), so restarting it there drops nothing audible.
     */
    private void processPiece(AudioBuffers a, int start, int end) {
        if (start == 0) {
            processor.process(a.in, a.out, end);
            return;
        }
        int length = end - start;
        for (int c = 0; c < channels; c++) {
            System.arraycopy(a.in[c], start, a.pieceIn[c], 0, length);
        }
        processor.process(a.pieceIn, a.pieceOut, length);
        for (int c = 0; c < channels; c++) {
            System.arraycopy(a.pieceOut[c], 0, a.out[c], start, length);
        }
    }

    /**
     * Runs {@code hops} 10 ms hops of noise through a throwaway Processor at the prepared rate, so that the JIT has
     * compiled the signal path before the host's audio thread needs it (the first seconds would otherwise run
     * interpreted, several times slower). Host thread only; this instance's state is untouched.
     */
    public void warmUp(int hops) {
        AudioBuffers a = audio;
        if (a == null || !a.processing) {
            return;
        }
        Processor scratch = new Processor(model);
        double rate = processor.sampleRate();
        int block = (int) Math.ceil(rate / 100);
        scratch.prepare(rate, block, channels);
        float[][] in = new float[channels][block];
        float[][] out = new float[channels][block];
        java.util.Random noise = new java.util.Random(1);
        for (int h = 0; h < hops; h++) {
            for (float[] channel : in) {
                for (int i = 0; i < block; i++) {
                    channel[i] = (float) (noise.nextGaussian() * 0.05);
                }
            }
            scratch.process(in, out, block);
        }
    }

    /** Host resume: back to the initial signal state. Returns the latency. */
    public int reset() {
        processor.reset();
        silentRun = 0;
        return latencySamples();
    }

    public int latencySamples() {
        AudioBuffers a = audio;
        return a != null && !a.processing ? 0 : processor.latencySamples();
    }

    // ---- parameters (any thread) -----------------------------------------------------------------------------

    public void setNormalized(int index, float normalized) {
        if (index >= 0 && index < PARAMETERS.length) {
            Parameter p = PARAMETERS[index];
            processor.setParameter(p, p.fromNormalized(normalized));
        }
    }

    public float getNormalized(int index) {
        if (index < 0 || index >= PARAMETERS.length) {
            return 0f;
        }
        Parameter p = PARAMETERS[index];
        return (float) p.toNormalized(processor.getParameter(p));
    }

    public void setBypass(boolean on) {
        processor.setParameter(Parameter.BYPASS, on ? 1 : 0);
    }

    public int parameterFlags(int index) {
        if (index < 0 || index >= PARAMETERS.length) {
            return 0;
        }
        Parameter p = PARAMETERS[index];
        return (p.isSwitch() ? FLAG_SWITCH : 0) | (p.isDiscrete() ? FLAG_DISCRETE : 0);
    }

    /** The parameter's step on the normalised 0..1 scale. */
    public float parameterStep(int index) {
        if (index < 0 || index >= PARAMETERS.length) {
            return 0f;
        }
        Parameter p = PARAMETERS[index];
        return (float) (p.step() / (p.max() - p.min()));
    }

    /** Parses user text ("12 dB", "on") from the message buffer into parameter {@code index}. */
    public boolean parseParameter(int index, int length) {
        if (index < 0 || index >= PARAMETERS.length) {
            return false;
        }
        try {
            Parameter p = PARAMETERS[index];
            processor.setParameter(p, p.parse(readString(length)));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---- text ------------------------------------------------------------------------------------------------

    /** Writes a text as UTF-8 into the message buffer (at most {@code maxBytes}); returns its length or -1. */
    public int text(int kind, int index, int maxBytes) {
        String text = textOf(kind, index);
        if (text == null) {
            return -1;
        }
        byte[] bytes = StateChunk.truncateUtf8(text, Math.max(0, Math.min(maxBytes, message.capacity())));
        message.put(0, bytes, 0, bytes.length);
        return bytes.length;
    }

    String textOf(int kind, int index) {
        boolean isParameter = index >= 0 && index < PARAMETERS.length;
        switch (kind) {
            case TEXT_PARAM_NAME, TEXT_PARAM_LONG_NAME:
                return isParameter ? PARAMETERS[index].displayName() : null;
            case TEXT_PARAM_LABEL:
                return isParameter ? PARAMETERS[index].unit() : null;
            case TEXT_PARAM_DISPLAY:
                return isParameter ? PARAMETERS[index].format(processor.getParameter(PARAMETERS[index])) : null;
            case TEXT_PROGRAM_NAME:
                return programName;
            case TEXT_EDITOR_NOTE: {
                PluginEditor e = editor;
                return e == null ? "" : e.takeNote();
            }
            case TEXT_PROGRAM_NAME_INDEXED: {
                PluginState p = programs.get(index);
                return p == null ? null : p.programName();
            }
            default:
                return null;
        }
    }

    // ---- programs and state ----------------------------------------------------------------------------------

    public void setProgram(int index) {
        PluginState p = programs.get(index);
        if (p != null) {
            apply(p);
        }
    }

    public int program() {
        return Math.max(0, program);
    }

    public void setProgramName(int length) {
        programName = PluginState.sanitizeName(readString(length));
    }

    /** The full state into the message buffer; returns its length. */
    public int saveState() {
        byte[] chunk = StateChunk.encode(state());
        if (chunk.length > message.capacity()) {
            return -1;
        }
        message.put(0, chunk, 0, chunk.length);
        return chunk.length;
    }

    /** Restores the state in the message buffer; false (state unchanged) when it is not an intact state chunk. */
    public boolean loadState(int length) {
        if (length <= 0 || length > message.capacity()) {
            return false;
        }
        byte[] chunk = new byte[length];
        message.get(0, chunk, 0, length);
        Optional<PluginState> decoded = StateChunk.decode(chunk).or(() -> decodePresetJson(chunk));
        decoded.ifPresent(this::apply);
        return decoded.isPresent();
    }

    /** A program or bank written by the presets module (.fxp/.fxb files made by the percepnet CLI). */
    private Optional<PluginState> decodePresetJson(byte[] chunk) {
        if (chunk.length == 0 || chunk[0] != '{') {
            return Optional.empty();
        }
        try {
            Preset preset = PresetChunk.decode(chunk, "VST chunk");
            return Optional.of(Programs.stateOf(preset, programs.indexOf(preset.name())));
        } catch (PresetFormatException | RuntimeException notAProgram) {
            try {
                PresetChunk.Bank bank = PresetChunk.readBank(chunk, "VST chunk");
                Preset current = bank.presets().get(bank.current());
                return Optional.of(Programs.stateOf(current, programs.indexOf(current.name())));
            } catch (PresetFormatException | RuntimeException notABank) {
                return Optional.empty();
            }
        }
    }

    PluginState state() {
        double[] values = new double[PARAMETERS.length];
        for (Parameter p : PARAMETERS) {
            values[p.ordinal()] = processor.getParameter(p);
        }
        return new PluginState(values, program, programName);
    }

    private void apply(PluginState state) {
        for (Parameter p : PARAMETERS) {
            processor.setParameter(p, state.value(p));
        }
        // A chunk from another build may name a program this one lacks: report none rather than an index the host
        // cannot look up.
        program = state.program() < programs.count() ? state.program() : -1;
        programName = state.programName();
    }

    private String readString(int length) {
        int n = Math.max(0, Math.min(length, message.capacity()));
        byte[] bytes = new byte[n];
        message.get(0, bytes, 0, n);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    // ---- editor (host GUI thread; gestures from the Swing event thread) -------------------------------------------

    /**
     * Called by the shim right after {@link #create} unless the bundle config says {@code editor=off}: remembers the
     * shim's instance pointer for host notifications and decides whether this instance has an editor (a display and
     * the X11 toolkit are available; see {@link PluginEditor#available}). Starts nothing.
     *
     * @return true when the plugin should report an editor (VST2 flag hasEditor)
     */
    public boolean enableEditor(long handle) {
        synchronized (hostLock) {
            hostHandle = handle;
        }
        if (!PluginEditor.available()) {
            return false;
        }
        String title = "PercepNet Denoiser (" + (channels == 1 ? "mono" : "stereo") + ")";
        editor = new PluginEditor(processor, new HostGestures(), title);
        return true;
    }

    /** effEditGetRect: the editor's size as {@code width << 16 | height}, or -1 without an editor. */
    public int editorSize() {
        PluginEditor e = editor;
        return e == null ? -1 : e.preferredSize();
    }

    /** effEditOpen: true when the editor shows (embedded in {@code parentWindow}, else floating). */
    public boolean openEditor(long parentWindow) {
        PluginEditor e = editor;
        return e != null && e.open(parentWindow);
    }

    /** effEditClose. */
    public void closeEditor() {
        PluginEditor e = editor;
        if (e != null) {
            e.close();
        }
    }

    PluginEditor editor() {
        return editor;
    }

    /** Implemented by the shim: audioMasterBeginEdit / Automate / EndEdit for this instance. */
    private static native void hostGesture(long handle, int kind, int index, float normalized);

    /** The editor's gestures to the host, dropped once the instance is closed. */
    private final class HostGestures implements ProcessorEditorModel.GestureListener {
        @Override
        public void begin(Parameter p) {
            toHost(GESTURE_BEGIN, p, 0f);
        }

        @Override
        public void changed(Parameter p, double plainValue) {
            toHost(GESTURE_CHANGED, p, (float) p.toNormalized(plainValue));
        }

        @Override
        public void end(Parameter p) {
            toHost(GESTURE_END, p, 0f);
        }

        private void toHost(int kind, Parameter p, float normalized) {
            synchronized (hostLock) {
                if (hostHandle != 0) {
                    try {
                        hostGesture(hostHandle, kind, p.ordinal(), normalized);
                    } catch (UnsatisfiedLinkError notInsideTheShim) {
                        hostHandle = 0; // a bridge made outside the shim (tests): nobody to tell
                    }
                }
            }
        }
    }

    /** Called from effClose; the instance is not used afterwards. Closes the editor first; no host call follows. */
    public void close() {
        synchronized (hostLock) {
            hostHandle = 0;
        }
        PluginEditor e = editor;
        if (e != null) {
            e.close();
        }
        audio = null;
    }

    Processor processor() {
        return processor;
    }
}
