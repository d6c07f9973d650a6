package org.percepnet4j.cli.audio;

/**
 * What a file holds.
 *
 * @param type       container
 * @param sampleRate frames per second
 * @param channels   1 or more
 * @param format     sample format
 * @param frames     length in frames, or -1 when the header does not say
 */
public record AudioFileInfo(AudioFileType type, float sampleRate, int channels, SampleFormat format, long frames) {

    /** Duration in seconds, or NaN when unknown. */
    public double seconds() {
        return frames < 0 ? Double.NaN : frames / (double) sampleRate;
    }

    /** E.g. "WAV, 48000 Hz, 2 ch, 24-bit integer, 12.5 s". */
    public String describe() {
        String rate = sampleRate == Math.rint(sampleRate) ? String.valueOf((long) sampleRate) : String.valueOf(sampleRate);
        return type + ", " + rate + " Hz, " + channels + " ch, " + format.describe()
                + (frames < 0 ? "" : String.format(java.util.Locale.ROOT, ", %.1f s", seconds()));
    }
}
