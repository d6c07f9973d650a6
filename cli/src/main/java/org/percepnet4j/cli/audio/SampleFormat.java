package org.percepnet4j.cli.audio;

import javax.sound.sampled.AudioFormat;

/**
 * How samples are stored in a file. Output keeps the input's format, so a 24-bit recording stays 24-bit.
 */
public enum SampleFormat {
    INT8(8, false),
    INT16(16, false),
    INT24(24, false),
    INT32(32, false),
    FLOAT32(32, true);

    private final int bits;
    private final boolean floatingPoint;

    SampleFormat(int bits, boolean floatingPoint) {
        this.bits = bits;
        this.floatingPoint = floatingPoint;
    }

    public int bits() {
        return bits;
    }

    public int bytes() {
        return bits / 8;
    }

    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    /** Integer formats of 16 bits or fewer get TPDF dither: their quantisation step is audible on quiet passages. */
    public boolean needsDither() {
        return !floatingPoint && bits <= 16;
    }

    /** E.g. "16-bit integer", "32-bit float". */
    public String describe() {
        return bits + "-bit " + (floatingPoint ? "float" : "integer");
    }

    /** The format of a Java Sound stream, or null when it is not one we process (A-law, µ-law, 64-bit float...). */
    static SampleFormat of(AudioFormat f) {
        AudioFormat.Encoding e = f.getEncoding();
        if (AudioFormat.Encoding.PCM_FLOAT.equals(e)) {
            return f.getSampleSizeInBits() == 32 ? FLOAT32 : null;
        }
        if (AudioFormat.Encoding.PCM_SIGNED.equals(e) || AudioFormat.Encoding.PCM_UNSIGNED.equals(e)) {
            return switch (f.getSampleSizeInBits()) {
                case 8 -> INT8;
                case 16 -> INT16;
                case 24 -> INT24;
                case 32 -> INT32;
                default -> null;
            };
        }
        return null;
    }
}
