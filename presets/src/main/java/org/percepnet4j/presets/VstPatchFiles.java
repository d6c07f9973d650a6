package org.percepnet4j.presets;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.percepnet4j.engine.Parameter;

/**
 * VST 2 program (.fxp) and bank (.fxb) files, so presets move between hosts and this plugin.
 *
 * <p>The layout (all integers big-endian, as published for VST 2):
 * <pre>
 * program:  'CcnK'  byteSize  fxMagic  version  fxID  fxVersion  numParams  name[28]  body
 *           fxMagic 'FxCk': body = numParams floats, each parameter normalised to 0..1
 *           fxMagic 'FPCh': body = int32 size + size bytes of plugin chunk
 * bank:     'CcnK'  byteSize  fxMagic  version  fxID  fxVersion  numPrograms  (v2: currentProgram) future[..128]  body
 *           fxMagic 'FxBk': body = numPrograms complete programs as above
 *           fxMagic 'FBCh': body = int32 size + size bytes of plugin chunk
 * </pre>
 * byteSize counts everything after itself. We write parameter programs ('FxCk') and parameter banks ('FxBk',
 * version 2), which every host reads. We read those and chunk files whose chunk is a {@link PresetChunk} (what
 * our plugin writes); other chunks are opaque, so they are refused with a clear message, as are other plugins'
 * files, truncated files, values outside 0..1 and more parameters than this version knows. A program with fewer
 * parameters (written before a parameter was appended) gives the missing ones their defaults. Values read from
 * floats are snapped to each parameter's step, so a preset survives the trip through a host unchanged. The name
 * field holds UTF-8, at most 27 bytes: a longer name survives only in a chunk program, whose JSON carries it whole.
 */
public final class VstPatchFiles {

    static final int CCNK = PluginIds.fourCC("CcnK");
    static final int FXCK = PluginIds.fourCC("FxCk");
    static final int FPCH = PluginIds.fourCC("FPCh");
    static final int FXBK = PluginIds.fourCC("FxBk");
    static final int FBCH = PluginIds.fourCC("FBCh");
    /** Bytes of the program name field, zero-terminated. */
    static final int NAME_BYTES = 28;
    static final int PROGRAM_HEADER_BYTES = 7 * 4 + NAME_BYTES;
    static final int BANK_HEADER_BYTES = 7 * 4 + 128;
    /** Refuse absurd counts before allocating anything for them. */
    private static final int MAX_PROGRAMS = 4096;

    private VstPatchFiles() {
    }

    /** A program file for the given plugin variant ({@link PluginIds#STEREO} or {@link PluginIds#MONO}). */
    public static byte[] writeProgram(Preset preset, int pluginId) {
        ByteBuffer b = ByteBuffer.allocate(programSize()).order(ByteOrder.BIG_ENDIAN);
        putProgram(b, preset, pluginId);
        return b.array();
    }

    /** A bank file holding the presets in order; the host's current program is set to the first. */
    public static byte[] writeBank(List<Preset> presets, int pluginId) {
        if (presets.isEmpty() || presets.size() > MAX_PROGRAMS) {
            throw new IllegalArgumentException("a bank holds 1 to " + MAX_PROGRAMS + " programs");
        }
        int size = BANK_HEADER_BYTES + presets.size() * programSize();
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.BIG_ENDIAN);
        b.putInt(CCNK).putInt(size - 8).putInt(FXBK).putInt(2).putInt(pluginId).putInt(PluginIds.VERSION)
                .putInt(presets.size()).putInt(0);
        b.position(BANK_HEADER_BYTES);
        for (Preset p : presets) {
            putProgram(b, p, pluginId);
        }
        return b.array();
    }

    /**
     * Reads a program file.
     *
     * @param source the file name, used in error messages
     * @throws PresetFormatException when the file is truncated, foreign or holds invalid values
     */
    public static Preset readProgram(byte[] data, String source) throws PresetFormatException {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN);
        Container c = readContainer(b, source, "program (.fxp)");
        if (c.magic() == FXBK || c.magic() == FBCH) {
            throw new PresetFormatException(source, "fxMagic", "this is a bank (.fxb), not a program (.fxp)");
        }
        Preset p = readProgramBody(b, source, "", c.magic(), -1);
        requireEnd(b, c, source, "");
        requireFullyRead(b, source);
        return p;
    }

    /**
     * Reads a bank file; either every program loads or none does.
     *
     * @throws PresetFormatException when the file is truncated, foreign or any program holds invalid values
     */
    public static List<Preset> readBank(byte[] data, String source) throws PresetFormatException {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN);
        Container bank = readContainer(b, source, "bank (.fxb)");
        int magic = bank.magic();
        if (magic == FXCK || magic == FPCH) {
            throw new PresetFormatException(source, "fxMagic", "this is a program (.fxp), not a bank (.fxb)");
        }
        if (magic != FXBK && magic != FBCH) {
            throw new PresetFormatException(source, "fxMagic", "found " + PluginIds.describe(magic)
                    + " (allowed 'FxBk' or 'FBCh'): not a VST bank");
        }
        try {
            int version = b.getInt();
            if (version < 1 || version > 2) {
                throw new PresetFormatException(source, "version", version + " is not supported (allowed 1 or 2)");
            }
            int fxId = b.getInt();
            requireOurs(fxId, source);
            b.getInt(); // fxVersion: any version of this plugin writes the same layout
            int numPrograms = b.getInt();
            if (b.limit() < BANK_HEADER_BYTES) {
                throw truncated(source, new BufferUnderflowException());
            }
            b.position(BANK_HEADER_BYTES);
            List<Preset> presets = new ArrayList<>();
            if (magic == FBCH) {
                presets.addAll(PresetChunk.decodeBank(readChunk(b, source), source));
            } else {
                if (numPrograms < 1 || numPrograms > MAX_PROGRAMS) {
                    throw new PresetFormatException(source, "numPrograms", numPrograms
                            + " is out of range (allowed 1 to " + MAX_PROGRAMS + ")");
                }
                for (int i = 0; i < numPrograms; i++) {
                    String where = "program " + (i + 1) + ": ";
                    Container c = readContainer(b, source, "program inside the bank");
                    presets.add(readProgramBody(b, source, where, c.magic(), fxId));
                    requireEnd(b, c, source, where);
                }
            }
            requireEnd(b, bank, source, "");
            requireFullyRead(b, source);
            return List.copyOf(presets);
        } catch (BufferUnderflowException e) {
            throw truncated(source, e);
        }
    }

    private static int programSize() {
        return PROGRAM_HEADER_BYTES + 4 * Parameter.values().length;
    }

    private static void putProgram(ByteBuffer b, Preset preset, int pluginId) {
        if (!PluginIds.isOurs(pluginId)) {
            throw new IllegalArgumentException("not one of this plugin's IDs: " + PluginIds.describe(pluginId));
        }
        Parameter[] params = Parameter.values();
        b.putInt(CCNK).putInt(programSize() - 8).putInt(FXCK).putInt(1).putInt(pluginId).putInt(PluginIds.VERSION)
                .putInt(params.length);
        b.put(programName(preset.name()));
        for (Parameter p : params) {
            b.putFloat((float) p.toNormalized(preset.parameters().get(p)));
        }
    }

    /**
     * The name field: UTF-8 (as the plugin reports program names to hosts), cut at a character boundary to 27
     * bytes and zero-padded, as hosts read it as a C string. A parameter program ('FxCk') has no other place for
     * the name, so a longer name does not survive the file: {@link #shownName} tells what remains.
     */
    static byte[] programName(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        int end = Math.min(utf8.length, NAME_BYTES - 1);
        while (end < utf8.length && end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--; // never split a multi-byte character
        }
        byte[] out = new byte[NAME_BYTES];
        System.arraycopy(utf8, 0, out, 0, end);
        return out;
    }

    /** The name as hosts show it and as it reads back from a program or bank file written here. */
    public static String shownName(String name) {
        return cString(programName(name));
    }

    /** fxMagic of a container and the position where its byteSize says it ends. */
    private record Container(int magic, int end) {
    }

    /** Reads 'CcnK', byteSize and fxMagic, checking the size against the data. */
    private static Container readContainer(ByteBuffer b, String source, String what) throws PresetFormatException {
        try {
            int start = b.position();
            int chunkMagic = b.getInt();
            if (chunkMagic != CCNK) {
                throw new PresetFormatException(source, null, "not a VST " + what + ": starts with "
                        + PluginIds.describe(chunkMagic) + " instead of 'CcnK'");
            }
            long byteSize = b.getInt() & 0xFFFFFFFFL;
            if (start + 8 + byteSize > b.limit()) {
                throw new PresetFormatException(source, null, "truncated: header says " + (byteSize + 8)
                        + " bytes, only " + (b.limit() - start) + " present");
            }
            return new Container(b.getInt(), (int) (start + 8 + byteSize));
        } catch (BufferUnderflowException e) {
            throw truncated(source, e);
        }
    }

    /** The byteSize field must match what was actually read, or the file is corrupt. */
    private static void requireEnd(ByteBuffer b, Container c, String source, String where)
            throws PresetFormatException {
        if (b.position() != c.end()) {
            throw new PresetFormatException(source, where + "byteSize", "says the data ends at byte " + c.end()
                    + ", but its content ends at byte " + b.position() + " (corrupt)");
        }
    }

    private static Preset readProgramBody(ByteBuffer b, String source, String where, int magic, int expectedId)
            throws PresetFormatException {
        if (magic != FXCK && magic != FPCH) {
            throw new PresetFormatException(source, where + "fxMagic", "found " + PluginIds.describe(magic)
                    + " (allowed 'FxCk' or 'FPCh'): not a VST program");
        }
        try {
            int version = b.getInt();
            if (version < 1 || version > 2) {
                throw new PresetFormatException(source, where + "version", version
                        + " is not supported (allowed 1 or 2)");
            }
            int fxId = b.getInt();
            requireOurs(fxId, source);
            if (expectedId != -1 && fxId != expectedId) {
                throw new PresetFormatException(source, where + "fxID", PluginIds.describe(fxId)
                        + " differs from the bank's " + PluginIds.describe(expectedId));
            }
            b.getInt(); // fxVersion
            int numParams = b.getInt();
            byte[] nameBytes = new byte[NAME_BYTES];
            b.get(nameBytes);
            String name = cString(nameBytes);
            if (magic == FPCH) {
                // The chunk holds the full name; the field is the host's display copy, cut to 27 bytes. A field
                // that is not that copy means the program was renamed in the host, so it wins.
                Preset p = PresetChunk.decode(readChunk(b, source), source);
                return name.isBlank() || name.equals(shownName(p.name())) ? p : renamed(p, name, source, where);
            }
            Parameter[] params = Parameter.values();
            if (numParams < 1 || numParams > params.length) {
                throw new PresetFormatException(source, where + "numParams", numParams
                        + " is out of range (allowed 1 to " + params.length
                        + (numParams > params.length ? "; a newer version of the plugin wrote this file)" : ")"));
            }
            ParameterSet set = ParameterSet.defaults();
            for (int i = 0; i < numParams; i++) {
                float v = b.getFloat();
                if (!(v >= 0f && v <= 1f)) {
                    throw new PresetFormatException(source, where + params[i].key(), v
                            + " is out of range (allowed 0 to 1, normalised)");
                }
                set = set.with(params[i], onStepGrid(params[i], params[i].fromNormalized(v)));
            }
            return renamed(new Preset("Program", "", set), name.isBlank() ? "Untitled" : name, source, where);
        } catch (BufferUnderflowException e) {
            throw truncated(source, e);
        }
    }

    /**
     * Normalised values pass through 32-bit floats, so 24 dB comes back as 23.9999997 dB: snap to the parameter's
     * resolution ({@link Parameter#step()}), dividing by the integer 1/step where that is exact (0.1 is not).
     */
    static double onStepGrid(Parameter p, double plain) {
        double step = p.step();
        double inverse = Math.rint(1 / step);
        double v = step < 1 && Math.abs(inverse * step - 1) < 1e-12
                ? Math.rint(plain * inverse) / inverse : Math.rint(plain / step) * step;
        return Math.max(p.min(), Math.min(p.max(), v));
    }

    private static Preset renamed(Preset p, String name, String source, String where) throws PresetFormatException {
        try {
            return p.withName(name);
        } catch (IllegalArgumentException e) {
            throw new PresetFormatException(source, where + "name", e.getMessage(), e);
        }
    }

    private static byte[] readChunk(ByteBuffer b, String source) throws PresetFormatException {
        int size = b.getInt();
        if (size < 0 || size > b.remaining()) {
            throw new PresetFormatException(source, "chunk size", size + " bytes, but only " + b.remaining()
                    + " remain (truncated or corrupt)");
        }
        byte[] chunk = new byte[size];
        b.get(chunk);
        return chunk;
    }

    private static void requireOurs(int fxId, String source) throws PresetFormatException {
        if (!PluginIds.isOurs(fxId)) {
            throw new PresetFormatException(source, "fxID", "belongs to another plugin (ID " + PluginIds.describe(fxId)
                    + "; allowed " + PluginIds.describe(PluginIds.STEREO) + " or " + PluginIds.describe(PluginIds.MONO)
                    + ")");
        }
    }

    private static void requireFullyRead(ByteBuffer b, String source) throws PresetFormatException {
        if (b.hasRemaining()) {
            throw new PresetFormatException(source, null, b.remaining() + " unexpected bytes after the end (corrupt)");
        }
    }

    private static PresetFormatException truncated(String source, BufferUnderflowException e) {
        return new PresetFormatException(source, null, "truncated: the file ends inside its header or values", e);
    }

    /**
     * The zero-terminated name field as UTF-8. A full field may end in a character that another writer cut in
     * half: that character is dropped. Bytes that are not UTF-8 at all come from an older host writing Latin-1.
     */
    private static String cString(byte[] bytes) {
        int n = 0;
        while (n < bytes.length && bytes[n] != 0) {
            n++;
        }
        int end = n;
        if (n >= NAME_BYTES - 1) {
            int lead = n - 1;
            while (lead > n - 4 && (bytes[lead] & 0xC0) == 0x80) {
                lead--;
            }
            int length = (bytes[lead] & 0xE0) == 0xC0 ? 2 : (bytes[lead] & 0xF0) == 0xE0 ? 3 : 4;
            if ((bytes[lead] & 0xC0) == 0xC0 && n - lead < length) {
                end = lead;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, end)).toString().trim();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, 0, n, StandardCharsets.ISO_8859_1).trim();
        }
    }
}
