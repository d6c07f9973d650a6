package org.percepnet4j.cli.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;

/**
 * The codec's fast paths for little-endian 16/24-bit WAV against the plain formulas the general path implements
 * (raw / 2^(bits-1) in double; round half up of v·2^(bits-1) in double, clipped, non-finite → 0): every 24-bit
 * code decodes to the same float, and encoding gives the same bytes for random, tie and extreme values.
 */
class PcmCodecTest {

    private static PcmCodec codec(int bits, int channels, boolean bigEndian) {
        AudioFormat af = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, 48_000f, bits, channels,
                bits / 8 * channels, 48_000f, bigEndian);
        return new PcmCodec(af, bits == 24 ? SampleFormat.INT24 : SampleFormat.INT16, new TpdfDither(1));
    }

    @Test
    void every24BitCodeDecodesToCodeOver2To23() {
        PcmCodec c = codec(24, 1, false);
        int n = 1 << 24;
        byte[] bytes = new byte[3 * n];
        for (int code = 0; code < n; code++) {
            bytes[3 * code] = (byte) code;
            bytes[3 * code + 1] = (byte) (code >> 8);
            bytes[3 * code + 2] = (byte) (code >> 16);
        }
        float[][] out = new float[1][n];
        c.decode(bytes, n, out, 0);
        for (int code = 0; code < n; code++) {
            int signed = code << 8 >> 8;
            float expected = (float) (signed / 8388608.0);
            if (out[0][code] != expected) {
                assertThat(out[0][code]).as("code %d", code).isEqualTo(expected);
            }
        }
    }

    @Test
    void sixteenBitDecodingAndBigEndianAgree() {
        PcmCodec little = codec(16, 2, false);
        PcmCodec big = codec(16, 2, true);
        byte[] le = new byte[4 * 65_536];
        byte[] be = new byte[4 * 65_536];
        for (int code = 0; code < 65_536; code++) {
            for (int ch = 0; ch < 2; ch++) {
                int p = 4 * code + 2 * ch;
                le[p] = (byte) code;
                le[p + 1] = (byte) (code >> 8);
                be[p] = (byte) (code >> 8);
                be[p + 1] = (byte) code;
            }
        }
        float[][] a = new float[2][65_536];
        float[][] b = new float[2][65_536];
        little.decode(le, 65_536, a, 0);
        big.decode(be, 65_536, b, 0); // the general path
        assertThat(a[0]).containsExactly(b[0]);
        assertThat(a[1]).containsExactly(b[1]);
        assertThat(a[0][0x8000]).isEqualTo(-1f);
    }

    @Test
    void twentyFourBitEncodingRoundsHalfUpClipsAndSilencesNonFinite() {
        PcmCodec c = codec(24, 2, false);
        Random rng = new Random(3);
        int n = 200_000;
        float[][] in = new float[2][n];
        for (int i = 0; i < n; i++) {
            in[0][i] = (float) (rng.nextGaussian() * 0.3);
            // exact half steps, and their neighbours one float ulp away
            float tie = (rng.nextInt(1 << 24) - (1 << 23) + 0.5f) / 8388608f;
            in[1][i] = switch (i % 3) {
                case 0 -> tie;
                case 1 -> Math.nextUp(tie);
                default -> Math.nextDown(tie);
            };
        }
        float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1f, -1f, 1.5f, -1.5f,
            Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, -0f, 0.49999997f / 8388608f, 1e-30f};
        System.arraycopy(specials, 0, in[0], 0, specials.length);
        byte[] out = new byte[6 * n];
        c.encode(in, 0, n, out);
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < 2; ch++) {
                float v = in[ch][i];
                long q = Double.isFinite(v) ? Math.round(v * 8388608.0) : 0;
                q = Math.max(-8388608, Math.min(8388607, q));
                int p = 6 * i + 3 * ch;
                int got = (out[p] & 0xFF) | (out[p + 1] & 0xFF) << 8 | out[p + 2] << 16;
                if (got != q) {
                    assertThat(got).as("sample %s", v).isEqualTo(q);
                }
            }
        }
    }
}
