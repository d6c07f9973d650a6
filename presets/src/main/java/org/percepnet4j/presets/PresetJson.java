package org.percepnet4j.presets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.percepnet4j.engine.Parameter;

/**
 * User presets as JSON. Example:
 * <pre>{@code
 * {
 *   "format" : "percepnet4j-preset",
 *   "version" : 1,
 *   "name" : "My podcast",
 *   "description" : "Studio B, dynamic mics",
 *   "parameters" : { "suppression" : 24.0, "postFilter" : 75.0, "lookahead" : 20.0, ... }
 * }
 * }</pre>
 * Parameters are keyed by {@link Parameter#key()} in plain units; switches may be written as numbers (0/1) or
 * booleans. A parameter that is absent keeps its default, so files written before a parameter existed still load.
 * Everything else is strict: an unknown key, a wrong type, a value out of range, a newer format version or a
 * duplicate key is an error naming the file and the key. The reader builds the whole preset before returning it.
 */
public final class PresetJson {

    /** Value of the "format" field that identifies a preset file. */
    public static final String FORMAT = "percepnet4j-preset";
    /** The format version this code writes and the newest it reads. */
    public static final int VERSION = 1;

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("format", "version", "name", "description", "parameters");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private PresetJson() {
    }

    /** The preset as UTF-8 JSON text (ends with a newline). */
    public static byte[] write(Preset preset) {
        return toBytes(toTree(preset));
    }

    /**
     * Reads a preset.
     *
     * @param source the file name, used in error messages
     * @throws PresetFormatException naming the source, the key and what is allowed
     */
    public static Preset read(byte[] json, String source) throws PresetFormatException {
        return fromTree(parse(json, source), source, "");
    }

    /** The preset as a JSON tree (for containers such as {@link PresetChunk} banks). */
    static ObjectNode toTree(Preset preset) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("name", preset.name());
        root.put("description", preset.description());
        ObjectNode params = root.putObject("parameters");
        for (Parameter p : Parameter.values()) {
            params.put(p.key(), preset.parameters().get(p));
        }
        return root;
    }

    static byte[] toBytes(JsonNode tree) {
        try {
            return (MAPPER.writeValueAsString(tree) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a tree of strings and numbers", e);
        }
    }

    static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }

    /** Parses JSON text into an object node, or says why it is not one. */
    static ObjectNode parse(byte[] json, String source) throws PresetFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new PresetFormatException(source, null, "not valid JSON: "
                    + PresetFormatException.excerpt(firstLine(e instanceof JsonProcessingException jpe
                            ? jpe.getOriginalMessage() : e.getMessage()), 200), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new PresetFormatException(source, null, "empty file, expected a JSON preset");
        }
        if (!root.isObject()) {
            throw new PresetFormatException(source, null, "expected a JSON object, found " + describe(root));
        }
        return (ObjectNode) root;
    }

    /** Reads one preset object; {@code prefix} locates it in error messages (e.g. "presets[2]."). */
    static Preset fromTree(JsonNode root, String source, String prefix) throws PresetFormatException {
        if (!root.isObject()) {
            throw new PresetFormatException(source, prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1),
                    "expected a preset object, found " + describe(root));
        }
        requireFormat(root, FORMAT, source, prefix);
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!TOP_LEVEL_KEYS.contains(key)) {
                throw new PresetFormatException(source, prefix + key, "unknown key (allowed: "
                        + String.join(", ", new TreeSet<>(TOP_LEVEL_KEYS)) + ")");
            }
        }
        requireVersion(root, VERSION, source, prefix);
        String name = requireText(root, "name", source, prefix, true);
        String description = root.has("description") ? requireText(root, "description", source, prefix, false) : "";
        JsonNode params = root.get("parameters");
        if (params == null || !params.isObject()) {
            throw new PresetFormatException(source, prefix + "parameters", "expected an object of parameter values");
        }
        Map<Parameter, Double> values = new EnumMap<>(Parameter.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + "parameters." + e.getKey();
            Parameter p = byKey(e.getKey());
            if (p == null) {
                throw new PresetFormatException(source, key, "unknown parameter (allowed: " + allKeys() + ")");
            }
            JsonNode v = e.getValue();
            double value;
            if (v.isNumber()) {
                value = v.doubleValue();
            } else if (v.isBoolean() && p.isSwitch()) {
                value = v.booleanValue() ? 1 : 0;
            } else {
                throw new PresetFormatException(source, key, "expected a number, found " + describe(v) + " (allowed "
                        + ParameterSet.allowedValues(p) + ")");
            }
            if (!ParameterSet.isValid(p, value)) {
                throw new PresetFormatException(source, key, ParameterSet.number(value)
                        + " is out of range (allowed " + ParameterSet.allowedValues(p) + ")");
            }
            values.put(p, value);
        }
        try {
            return new Preset(name, description, ParameterSet.of(values));
        } catch (IllegalArgumentException e) {
            throw new PresetFormatException(source, prefix + "name", e.getMessage(), e);
        }
    }

    static void requireFormat(JsonNode root, String expected, String source, String prefix)
            throws PresetFormatException {
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual() || !expected.equals(format.textValue())) {
            throw new PresetFormatException(source, prefix + "format", "expected \"" + expected + "\", found "
                    + (format == null ? "nothing" : PresetFormatException.excerpt(format.toString()))
                    + " (not a percepnet4j file of this kind)");
        }
    }

    static void requireVersion(JsonNode root, int newest, String source, String prefix)
            throws PresetFormatException {
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw new PresetFormatException(source, prefix + "version", "expected a whole number (allowed 1 to "
                    + newest + ")");
        }
        if (version.asLong() < 1 || version.asLong() > newest) {
            throw new PresetFormatException(source, prefix + "version", version.asLong()
                    + " is not supported (allowed 1 to " + newest + "; a newer percepnet4j wrote this file?)");
        }
    }

    private static String requireText(JsonNode root, String key, String source, String prefix, boolean nonBlank)
            throws PresetFormatException {
        JsonNode n = root.get(key);
        if (n == null || !n.isTextual()) {
            throw new PresetFormatException(source, prefix + key, "expected a string, found "
                    + (n == null ? "nothing" : describe(n)));
        }
        if (nonBlank && n.textValue().isBlank()) {
            throw new PresetFormatException(source, prefix + key, "must not be empty");
        }
        return n.textValue();
    }

    /** Exact key match: files are written by programs, so no fuzzy names here. */
    private static Parameter byKey(String key) {
        for (Parameter p : Parameter.values()) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        return null;
    }

    private static String allKeys() {
        StringBuilder sb = new StringBuilder();
        for (Parameter p : Parameter.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.key());
        }
        return sb.toString();
    }

    static String describe(JsonNode v) {
        String type = v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        String text = v.toString();
        return type + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
