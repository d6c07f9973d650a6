package org.percepnet4j.presets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plugin state as an opaque VST chunk ('FPCh' programs, 'FBCh' banks, effGetChunk/effSetChunk): versioned
 * UTF-8 JSON, the same as a user preset file for a program, and {@code {"format": "percepnet4j-bank", "version": 1,
 * "current": 0, "presets": [...]}} for a bank. Self-describing, so a foreign or corrupt chunk is recognised and
 * refused as a whole ({@link PresetFormatException}) and the caller keeps its current state.
 */
public final class PresetChunk {

    public static final String BANK_FORMAT = "percepnet4j-bank";
    public static final int BANK_VERSION = 1;
    private static final Set<String> BANK_KEYS = Set.of("format", "version", "current", "presets");

    private PresetChunk() {
    }

    /** One program's state. */
    public static byte[] encode(Preset preset) {
        return PresetJson.write(preset);
    }

    /** Reads one program's state; {@code source} names it in errors ("chunk", a file name). */
    public static Preset decode(byte[] chunk, String source) throws PresetFormatException {
        return PresetJson.read(chunk, source);
    }

    /** A bank: every program and which one is current. */
    public static byte[] encodeBank(List<Preset> presets, int current) {
        if (presets.isEmpty() || current < 0 || current >= presets.size()) {
            throw new IllegalArgumentException("a bank needs at least one preset and a current index inside it");
        }
        ObjectNode root = PresetJson.newObject();
        root.put("format", BANK_FORMAT);
        root.put("version", BANK_VERSION);
        root.put("current", current);
        ArrayNode arr = root.putArray("presets");
        presets.forEach(p -> arr.add(PresetJson.toTree(p)));
        return PresetJson.toBytes(root);
    }

    /** Reads a bank's presets (all or nothing). */
    public static List<Preset> decodeBank(byte[] chunk, String source) throws PresetFormatException {
        return readBank(chunk, source).presets();
    }

    /** A decoded bank chunk. */
    public record Bank(List<Preset> presets, int current) {
    }

    /** Reads a bank chunk with its current program index. */
    public static Bank readBank(byte[] chunk, String source) throws PresetFormatException {
        ObjectNode root = PresetJson.parse(chunk, source);
        PresetJson.requireFormat(root, BANK_FORMAT, source, "");
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!BANK_KEYS.contains(key)) {
                throw new PresetFormatException(source, key, "unknown key (allowed: "
                        + String.join(", ", new TreeSet<>(BANK_KEYS)) + ")");
            }
        }
        PresetJson.requireVersion(root, BANK_VERSION, source, "");
        JsonNode arr = root.get("presets");
        if (arr == null || !arr.isArray() || arr.isEmpty()) {
            throw new PresetFormatException(source, "presets", "expected a non-empty array of presets");
        }
        List<Preset> presets = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            presets.add(PresetJson.fromTree(arr.get(i), source, "presets[" + i + "]."));
        }
        JsonNode current = root.get("current");
        int cur = 0;
        if (current != null) {
            if (!current.isIntegralNumber() || current.asLong() < 0 || current.asLong() >= presets.size()) {
                throw new PresetFormatException(source, "current", PresetJson.describe(current)
                        + " is out of range (allowed 0 to " + (presets.size() - 1) + ")");
            }
            cur = current.asInt();
        }
        return new Bank(List.copyOf(presets), cur);
    }
}
