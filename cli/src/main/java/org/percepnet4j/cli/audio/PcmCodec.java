package org.percepnet4j.cli.audio;

import javax.sound.sampled.AudioFormat;

/**
 * Interleaved PCM bytes ↔ planar floats in [-1, 1) for one stream format.
 *
 * <p>Integers scale by 2^(bits-1) both ways, so decoding then encoding without processing is bit-exact.
 * Encoding to integers rounds to the nearest step after TPDF dither (for formats of 16 bits or fewer) and
 * clips at full scale; float output is written as is.
 */
final class PcmCodec {

    private final SampleFormat format;
    private final int channels;
    private final boolean bigEndian;
    private final boolean unsigned;
    private final int frameBytes;
    private final double scale;
    private final TpdfDither dither;

    PcmCodec(AudioFormat f, SampleFormat format, TpdfDither dither) {
        this.format = format;
        this.channels = f.getChannels();
        this.bigEndian = f.isBigEndian();
        this.unsigned = AudioFormat.Encoding.PCM_UNSIGNED.equals(f.getEncoding());
        this.frameBytes = format.bytes() * channels;
        this.scale = Math.scalb(1.0, format.bits() - 1);
        this.dither = format.needsDither() ? dither : null;
    }

    int frameBytes() {
        return frameBytes;
    }

    /** Decodes {@code frames} frames from {@code src} into {@code dst[ch][offset..]}. */
    void decode(byte[] src, int frames, float[][] dst, int offset) {
        if (!bigEndian && !unsigned && !format.isFloatingPoint() && (format.bits() == 16 || format.bits() == 24)) {
            decodeLittleEndian(src, frames, dst, offset);
            return;
        }
        int bytes = format.bytes();
        int p = 0;
        for (int i = 0; i < frames; i++) {
            for (int ch = 0; ch < channels; ch++) {
                int raw = readInt(src, p, bytes);
                p += bytes;
                float v;
                if (format.isFloatingPoint()) {
                    v = Float.intBitsToFloat(raw);
                } else {
                    if (unsigned) {
                        raw -= 1 << (format.bits() - 1);
                    } else if (bytes < 4) {
                        raw = raw << (32 - format.bits()) >> (32 - format.bits()); // sign-extend
                    }
                    v = (float) (raw / scale);
                }
                dst[ch][offset + i] = v;
            }
        }
    }

    /** Encodes {@code frames} frames from {@code src[ch][offset..]} into {@code dst}. */
    void encode(float[][] src, int offset, int frames, byte[] dst) {
        if (!bigEndian && !unsigned && dither == null && format.bits() == 24 && !format.isFloatingPoint()) {
            encode24LittleEndian(src, offset, frames, dst);
            return;
        }
        int bytes = format.bytes();
        int p = 0;
        long min = -(long) scale;
        long max = (long) scale - 1;
        for (int i = 0; i < frames; i++) {
            for (int ch = 0; ch < channels; ch++) {
                float v = src[ch][offset + i];
                int raw;
                if (format.isFloatingPoint()) {
                    raw = Float.floatToRawIntBits(v);
                } else {
                    double x = Double.isFinite(v) ? v * scale : 0;
                    if (dither != null) {
                        x += dither.next();
                    }
                    long q = Math.round(x);
                    q = Math.max(min, Math.min(max, q));
                    if (unsigned) {
                        q += (long) scale;
                    }
                    raw = (int) q;
                }
                writeInt(dst, p, bytes, raw);
                p += bytes;
            }
        }
    }

    /**
     * The common WAV cases, 16 and 24-bit little-endian, without the general loop's per-byte branches: the same
     * values (raw / 2^(bits-1) is exact in float for these widths, as it is in double).
     */
    private void decodeLittleEndian(byte[] src, int frames, float[][] dst, int offset) {
        float step = (float) (1.0 / scale);
        int p = 0;
        if (format.bits() == 24) {
            for (int i = 0; i < frames; i++) {
                for (int ch = 0; ch < channels; ch++) {
                    int raw = (src[p] & 0xFF) | (src[p + 1] & 0xFF) << 8 | src[p + 2] << 16; // top byte sign-extends
                    dst[ch][offset + i] = raw * step;
                    p += 3;
                }
            }
        } else {
            for (int i = 0; i < frames; i++) {
                for (int ch = 0; ch < channels; ch++) {
                    int raw = (src[p] & 0xFF) | src[p + 1] << 8;
                    dst[ch][offset + i] = raw * step;
                    p += 2;
                }
            }
        }
    }

    /**
     * 24-bit little-endian output (no dither at this width), bit-identical to the general path: v·2^23 is exact
     * in float as in double, and rounding is half up in both.
     */
    private void encode24LittleEndian(float[][] src, int offset, int frames, byte[] dst) {
        float fullScale = (float) scale;
        int min = (int) -scale;
        int max = (int) scale - 1;
        int p = 0;
        for (int i = 0; i < frames; i++) {
            for (int ch = 0; ch < channels; ch++) {
                float v = src[ch][offset + i];
                // floor(y + 1/2) in double is exact for any float y, i.e. Math.round's value, but Math.floor
                // compiles to one instruction where Math.round(float) does not.
                int q = Float.isFinite(v) ? Math.max(min, Math.min(max, (int) Math.floor(v * fullScale + 0.5))) : 0;
                dst[p] = (byte) q;
                dst[p + 1] = (byte) (q >> 8);
                dst[p + 2] = (byte) (q >> 16);
                p += 3;
            }
        }
    }

    private int readInt(byte[] b, int p, int bytes) {
        int v = 0;
        if (bigEndian) {
            for (int k = 0; k < bytes; k++) {
                v = v << 8 | (b[p + k] & 0xFF);
            }
        } else {
            for (int k = bytes - 1; k >= 0; k--) {
                v = v << 8 | (b[p + k] & 0xFF);
            }
        }
        return v;
    }

    private void writeInt(byte[] b, int p, int bytes, int v) {
        if (bigEndian) {
            for (int k = bytes - 1; k >= 0; k--) {
                b[p + k] = (byte) v;
                v >>= 8;
            }
        } else {
            for (int k = 0; k < bytes; k++) {
                b[p + k] = (byte) v;
                v >>= 8;
            }
        }
    }
}
