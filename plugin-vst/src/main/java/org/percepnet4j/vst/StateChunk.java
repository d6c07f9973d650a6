package org.percepnet4j.vst;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

import org.percepnet4j.engine.Parameter;

/**
 * The plugin's opaque state blob (effGetChunk / effSetChunk), big-endian:
 * <pre>
 *   "P4jC"                          magic
 *   u16 format version (1)
 *   u16 n                           number of parameter entries
 *   n × { u8 keyLength, key (ASCII {@link Parameter#key()}), f64 plain value }
 *   i16 program index (-1 = none)
 *   u8 nameLength, name (UTF-8)
 *   u32 CRC-32 of every byte before it
 * </pre>
 * Parameters are stored by key, not position, so a later build that appends parameters still reads old chunks
 * (absent parameters take their defaults; unknown keys are skipped). Anything else that does not match exactly —
 * wrong magic, version, length, checksum, a non-finite value, a repeated key — is refused as a whole, so the caller
 * keeps its current state.
 */
public final class StateChunk {

    static final int MAGIC = 'P' << 24 | '4' << 16 | 'j' << 8 | 'C';
    static final int VERSION = 1;
    /** Upper bound of a valid chunk: far above what {@link #encode} writes, far below the shim's 64 KiB buffer. */
    static final int MAX_BYTES = 16 * 1024;
    private static final int MAX_KEY = 64;
    private static final int MAX_ENTRIES = 256;

    private StateChunk() {
    }

    public static byte[] encode(PluginState state) {
        ByteBuffer b = ByteBuffer.allocate(MAX_BYTES).order(ByteOrder.BIG_ENDIAN);
        b.putInt(MAGIC).putShort((short) VERSION).putShort((short) Parameter.values().length);
        for (Parameter p : Parameter.values()) {
            byte[] key = p.key().getBytes(StandardCharsets.US_ASCII);
            b.put((byte) key.length).put(key).putDouble(state.value(p));
        }
        b.putShort((short) Math.max(-1, Math.min(Short.MAX_VALUE, state.program())));
        byte[] name = truncateUtf8(state.programName(), 255);
        b.put((byte) name.length).put(name);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        byte[] out = new byte[b.position()];
        System.arraycopy(b.array(), 0, out, 0, out.length);
        return out;
    }

    /** The state in {@code chunk}, or empty when it is not a complete, intact percepnet4j state chunk. */
    public static Optional<PluginState> decode(byte[] chunk) {
        if (chunk == null || chunk.length < 4 + 2 + 2 + 2 + 1 + 4 || chunk.length > MAX_BYTES) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(chunk).order(ByteOrder.BIG_ENDIAN);
        if (b.getInt() != MAGIC || (b.getShort() & 0xFFFF) != VERSION) {
            return Optional.empty();
        }
        CRC32 crc = new CRC32();
        crc.update(chunk, 0, chunk.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(chunk, chunk.length - 4, 4).getInt()) {
            return Optional.empty();
        }
        try {
            int entries = b.getShort() & 0xFFFF;
            if (entries > MAX_ENTRIES) {
                return Optional.empty();
            }
            PluginState defaults = PluginState.defaults("");
            double[] values = defaults.values();
            boolean[] seen = new boolean[values.length];
            for (int i = 0; i < entries; i++) {
                int keyLength = b.get() & 0xFF;
                if (keyLength == 0 || keyLength > MAX_KEY) {
                    return Optional.empty();
                }
                byte[] key = new byte[keyLength];
                b.get(key);
                double value = b.getDouble();
                if (!Double.isFinite(value)) {
                    return Optional.empty();
                }
                Parameter p = byKey(new String(key, StandardCharsets.US_ASCII));
                if (p != null) {
                    if (seen[p.ordinal()]) {
                        return Optional.empty();
                    }
                    seen[p.ordinal()] = true;
                    values[p.ordinal()] = value;
                }
            }
            int program = b.getShort();
            if (program < -1) {
                return Optional.empty();
            }
            int nameLength = b.get() & 0xFF;
            byte[] name = new byte[nameLength];
            b.get(name);
            if (b.position() != chunk.length - 4) {
                return Optional.empty();
            }
            return Optional.of(new PluginState(values, program, new String(name, StandardCharsets.UTF_8)));
        } catch (BufferUnderflowException e) {
            return Optional.empty();
        }
    }

    private static Parameter byKey(String key) {
        for (Parameter p : Parameter.values()) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        return null;
    }

    /** UTF-8 bytes of {@code text}, cut at a character boundary to at most {@code maxBytes}. */
    static byte[] truncateUtf8(String text, int maxBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return bytes;
        }
        int end = maxBytes;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--; // do not split a multi-byte character
        }
        byte[] cut = new byte[end];
        System.arraycopy(bytes, 0, cut, 0, end);
        return cut;
    }
}
