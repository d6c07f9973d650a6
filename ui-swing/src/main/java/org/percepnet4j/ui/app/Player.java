package org.percepnet4j.ui.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * A/B playback through Java Sound: the original and the processed version are time-aligned, so switching between
 * them keeps the position and lets one compare the same word. Runs its own thread; the line is opened on
 * {@link #play} (bounded by {@link #OPEN_TIMEOUT_MS}) and closed when playback ends or {@link #stop} is called.
 */
public final class Player {

    /** Which version is heard. */
    public enum Source { ORIGINAL, PROCESSED }

    /** Told on the playing thread after every written block, and once with {@code finished} at the end. */
    public interface Listener {
        void position(long frame, boolean finished);
    }

    /** Sees every block of the original as it is played (the app's meters follow playback with it). */
    public interface Tap {
        void block(float[][] original, int offset, int n);
    }

    /** Frames per write; the most a {@link Tap} is handed at once. */
    public static final int BLOCK = 1024;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong position = new AtomicLong();
    private volatile Source source = Source.ORIGINAL;
    private Thread thread;
    /** Counts stop() calls: a play whose device opened after a stop does not start. Guarded by this. */
    private long stops;

    /** How long opening the output device may take before play gives up with a message. */
    static final long OPEN_TIMEOUT_MS = 3000;
    private static final Object GAVE_UP = new Object();

    public void select(Source s) {
        source = s;
    }

    public Source selected() {
        return source;
    }

    public boolean playing() {
        return running.get();
    }

    public long position() {
        return position.get();
    }

    /** Whether Java Sound has an output line for this rate and channel count (false on machines without audio). */
    public static boolean outputAvailable(double sampleRate, int channels) {
        try {
            return AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, lineFormat(sampleRate, channels)));
        } catch (RuntimeException e) {
            return false;
        }
    }

    static AudioFormat lineFormat(double sampleRate, int channels) {
        return new AudioFormat((float) sampleRate, 16, channels, true, false);
    }

    /**
     * Starts playing from {@code fromFrame}. {@code processed} may be null (not rendered yet): then only the
     * original is available.
     *
     * @throws LineUnavailableException with a readable message when there is no usable output device
     */
    public void play(AudioClip original, float[][] processed, long fromFrame, Listener listener,
                     Tap tap) throws LineUnavailableException {
        long ticket;
        synchronized (this) {
            stop();
            ticket = stops;
        }
        // Opened without holding the lock, so stop() (from the UI) never waits for a slow device.
        AudioFormat fmt = lineFormat(original.sampleRate(), original.channels());
        SourceDataLine line = openWithin(() -> {
            SourceDataLine l = AudioSystem.getSourceDataLine(fmt);
            l.open(fmt, BLOCK * fmt.getFrameSize() * 8);
            return l;
        }, OPEN_TIMEOUT_MS, AudioFiles.describe(fmt));
        synchronized (this) {
            if (stops != ticket) { // stopped (or restarted) while the device was opening
                line.close();
                return;
            }
            position.set(Math.max(0, Math.min(fromFrame, original.frames())));
            running.set(true);
            thread = new Thread(() -> run(line, original, processed, listener, tap), "percepnet-playback");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Opens an output line; the opener may block (in the driver), so it runs on its own thread. */
    interface LineOpener {
        SourceDataLine open() throws LineUnavailableException;
    }

    /**
     * Runs {@code opener} on a helper thread and waits at most {@code timeoutMs}. A device that does not answer
     * (held by another program, a sound server that is not running) then gives a clear error instead of hanging
     * the caller; if the line opens after the caller gave up, it is closed at once.
     *
     * @throws LineUnavailableException when opening failed or did not finish in time, with a readable message
     */
    static SourceDataLine openWithin(LineOpener opener, long timeoutMs, String what) throws LineUnavailableException {
        AtomicReference<Object> outcome = new AtomicReference<>(); // the open line, a failure, or GAVE_UP
        CountDownLatch finished = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            Object result;
            try {
                result = opener.open();
            } catch (LineUnavailableException | RuntimeException | LinkageError e) {
                result = e;
            }
            if (!outcome.compareAndSet(null, result) && result instanceof SourceDataLine late) {
                late.close();
            }
            finished.countDown();
        }, "percepnet-audio-open");
        t.setDaemon(true);
        t.start();
        try {
            finished.await(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (outcome.compareAndSet(null, GAVE_UP)) {
            throw new LineUnavailableException("the audio output for " + what + " did not open within "
                    + timeoutMs + " ms (device busy or not answering)");
        }
        Object r = outcome.get();
        if (r instanceof SourceDataLine line) {
            return line;
        }
        if (r instanceof LineUnavailableException e) {
            throw e;
        }
        Throwable failure = (Throwable) r;
        throw new LineUnavailableException("no audio output device for " + what + " ("
                + (failure.getMessage() != null ? failure.getMessage() : failure.toString()) + ")");
    }

    private void run(SourceDataLine line, AudioClip original, float[][] processed, Listener listener, Tap tap) {
        int ch = original.channels();
        byte[] bytes = new byte[BLOCK * ch * 2];
        line.start();
        try {
            while (running.get() && position.get() < original.frames()) {
                long pos = position.get();
                int n = (int) Math.min(BLOCK, original.frames() - pos);
                float[][] src = source == Source.PROCESSED && processed != null ? processed : original.samples();
                int b = 0;
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < ch; c++) {
                        float x = src[c][(int) (pos + i)];
                        int v = (int) Math.round(Math.max(-1f, Math.min(1f, Float.isFinite(x) ? x : 0f)) * 32767);
                        bytes[b++] = (byte) v;
                        bytes[b++] = (byte) (v >> 8);
                    }
                }
                if (tap != null) {
                    tap.block(original.samples(), (int) pos, n);
                }
                line.write(bytes, 0, b);
                position.set(pos + n);
                if (listener != null) {
                    listener.position(pos + n, false);
                }
            }
            if (running.get()) {
                line.drain();
            }
        } finally {
            line.stop();
            line.close();
            running.set(false);
            if (listener != null) {
                listener.position(position.get(), true);
            }
        }
    }

    /** Stops (also a play that is still opening its device) and waits briefly for the line to close. */
    public synchronized void stop() {
        stops++;
        running.set(false);
        Thread t = thread;
        thread = null;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
