package org.percepnet4j.cli.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/** The Java Sound devices that can record or play a given format. */
public final class AudioDevices {

    /** A device (Java Sound mixer) and what it can do. */
    public record Device(int index, Mixer.Info info, boolean canCapture, boolean canPlay) {
        public String name() {
            return info.getName();
        }
    }

    private AudioDevices() {
    }

    /** Every device that can capture or play {@code format}, numbered as Java Sound lists them. */
    public static List<Device> list(AudioFormat format) {
        List<Device> devices = new ArrayList<>();
        Mixer.Info[] infos = AudioSystem.getMixerInfo();
        for (int i = 0; i < infos.length; i++) {
            try {
                Mixer m = AudioSystem.getMixer(infos[i]);
                boolean capture = m.isLineSupported(new DataLine.Info(TargetDataLine.class, format));
                boolean play = m.isLineSupported(new DataLine.Info(SourceDataLine.class, format));
                if (capture || play) {
                    devices.add(new Device(i, infos[i], capture, play));
                }
            } catch (RuntimeException e) {
                // A broken driver must not hide the others.
            }
        }
        return devices;
    }

    /**
     * Opens a capture or playback line: on the device whose index or name (case-insensitive substring) is given,
     * or on the system default when {@code wanted} is null.
     *
     * @throws NoDeviceException with a message that says what exists
     */
    public static <T extends Line> T open(Class<T> lineClass, AudioFormat format, String wanted)
            throws NoDeviceException {
        boolean capture = lineClass == TargetDataLine.class;
        String what = capture ? "capture (input)" : "playback (output)";
        DataLine.Info info = new DataLine.Info(lineClass, format);
        List<Device> usable = list(format).stream().filter(d -> capture ? d.canCapture() : d.canPlay()).toList();
        try {
            if (wanted == null) {
                if (!AudioSystem.isLineSupported(info)) {
                    throw new NoDeviceException("no audio " + what + " device found for " + describe(format)
                            + (usable.isEmpty() ? " (Java Sound lists none)" : "") + "; see 'percepnet live --list'");
                }
                return lineClass.cast(AudioSystem.getLine(info));
            }
            for (Device d : usable) {
                if (String.valueOf(d.index()).equals(wanted)
                        || d.name().toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT))) {
                    return lineClass.cast(AudioSystem.getMixer(d.info()).getLine(info));
                }
            }
            throw new NoDeviceException("no " + what + " device matches '" + wanted + "' for " + describe(format)
                    + "; see 'percepnet live --list'");
        } catch (javax.sound.sampled.LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new NoDeviceException("the " + what + " device is unavailable: " + e.getMessage());
        }
    }

    static String describe(AudioFormat f) {
        return String.format(Locale.ROOT, "%.0f Hz, %d-bit, %d channel%s", f.getSampleRate(), f.getSampleSizeInBits(),
                f.getChannels(), f.getChannels() == 1 ? "" : "s");
    }

    /** No device (or not the one asked for) can be opened. */
    public static final class NoDeviceException extends Exception {
        private static final long serialVersionUID = 1L;

        public NoDeviceException(String message) {
            super(message);
        }
    }
}
