package org.percepnet4j.ui.app;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * A/B playback through Java Sound: the original and the processed version are time-aligned, so switching between
 * them keeps the position and lets one compare the same word. Runs its own thread; the line is opened on
 * {@link #play} and closed when playback ends or {@link #stop} is called.
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
    public synchronized void play(AudioClip original, float[][] processed, long fromFrame, Listener listener,
                                  Tap tap) throws LineUnavailableException {
        stop();
        AudioFormat fmt = lineFormat(original.sampleRate(), original.channels());
        SourceDataLine line;
        try {
            line = AudioSystem.getSourceDataLine(fmt);
            line.open(fmt, BLOCK * fmt.getFrameSize() * 8);
        } catch (IllegalArgumentException | SecurityException e) {
            throw new LineUnavailableException("no audio output device for " + AudioFiles.describe(fmt)
                    + " (" + e.getMessage() + ")");
        }
        position.set(Math.max(0, Math.min(fromFrame, original.frames())));
        running.set(true);
        thread = new Thread(() -> run(line, original, processed, listener, tap), "percepnet-playback");
        thread.setDaemon(true);
        thread.start();
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

    /** Stops and waits briefly for the line to close. */
    public synchronized void stop() {
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
