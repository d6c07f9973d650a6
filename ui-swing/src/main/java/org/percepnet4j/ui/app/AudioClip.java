package org.percepnet4j.ui.app;

import java.util.Objects;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;

/**
 * Decoded audio in memory: samples[channel][frame] in -1..1, and the file format it came from so it can be written
 * back the same way (rate, channels, sample format, WAV or AIFF).
 */
public record AudioClip(float[][] samples, AudioFormat format, AudioFileFormat.Type fileType) {

    public AudioClip {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(fileType, "fileType");
        if (samples.length == 0) {
            throw new IllegalArgumentException("audio without channels");
        }
        for (float[] ch : samples) {
            if (ch.length != samples[0].length) {
                throw new IllegalArgumentException("channels differ in length");
            }
        }
    }

    public int channels() {
        return samples.length;
    }

    public int frames() {
        return samples[0].length;
    }

    public double sampleRate() {
        return format.getSampleRate();
    }

    public double seconds() {
        return frames() / sampleRate();
    }

    /** The same format and file type with other samples (the processed version). */
    public AudioClip withSamples(float[][] other) {
        return new AudioClip(other, format, fileType);
    }
}
