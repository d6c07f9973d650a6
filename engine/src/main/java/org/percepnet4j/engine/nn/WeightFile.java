package org.percepnet4j.engine.nn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A weight file in the safetensors layout, float32 only:
 * <pre>
 *   8 bytes   header length N, unsigned little-endian
 *   N bytes   UTF-8 JSON: {"__metadata__": {"key": "value", ...},
 *                          "tensor.name": {"dtype": "F32", "shape": [d0, d1, ...], "data_offsets": [begin, end]}, ...}
 *   rest      tensor data, little-endian float32, offsets relative to the start of this section
 * </pre>
 * Metadata values are strings (the safetensors rule). Anything else is rejected with a message that says what
 * is wrong, so a damaged or foreign file never reaches the audio thread.
 */
public final class WeightFile {

    /** Larger files are refused: the project's models are a few MB at most. */
    public static final long MAX_BYTES = 256L << 20;
    private static final long MAX_HEADER_BYTES = 16L << 20;

    private final Map<String, String> metadata;
    private final Map<String, Tensor> tensors;

    private WeightFile(Map<String, String> metadata, Map<String, Tensor> tensors) {
        this.metadata = Collections.unmodifiableMap(metadata);
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    /** Reads and validates a weight file. */
    public static WeightFile read(Path path) throws IOException {
        long size = Files.size(path);
        if (size > MAX_BYTES) {
            throw new WeightFileException(path + ": " + size + " bytes, more than the " + MAX_BYTES + " allowed");
        }
        try {
            return parse(Files.readAllBytes(path));
        } catch (WeightFileException e) {
            throw new WeightFileException(path + ": " + e.getMessage());
        }
    }

    /** Reads and validates a weight file from a stream (not closed here). */
    public static WeightFile read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new WeightFileException("weight file larger than " + MAX_BYTES + " bytes");
        }
        return parse(bytes);
    }

    /** Parses and validates the bytes of a weight file. */
    public static WeightFile parse(byte[] bytes) throws WeightFileException {
        if (bytes.length < 8) {
            throw new WeightFileException("weight file truncated: " + bytes.length + " bytes, no header length");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buf.getLong(0);
        if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > bytes.length - 8L) {
            throw new WeightFileException("weight file header length " + Long.toUnsignedString(headerLength)
                    + " does not fit a file of " + bytes.length + " bytes (not a safetensors file, or truncated)");
        }
        String headerText;
        try {
            headerText = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 8, (int) headerLength)).toString();
        } catch (CharacterCodingException e) {
            throw new WeightFileException("weight file header is not UTF-8");
        }
        Object root = HeaderJson.parse(headerText);
        if (!(root instanceof Map<?, ?> entries)) {
            throw new WeightFileException("weight file header is not a JSON object");
        }
        int dataStart = 8 + (int) headerLength;
        long dataLength = bytes.length - (long) dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            String name = (String) e.getKey();
            if (name.equals("__metadata__")) {
                readMetadata(e.getValue(), metadata);
            } else {
                tensors.put(name, readTensor(name, e.getValue(), buf, dataStart, dataLength));
            }
        }
        return new WeightFile(metadata, tensors);
    }

    private static void readMetadata(Object value, Map<String, String> out) throws WeightFileException {
        if (!(value instanceof Map<?, ?> map)) {
            throw new WeightFileException("weight file __metadata__ is not a JSON object");
        }
        for (Map.Entry<?, ?> m : map.entrySet()) {
            if (!(m.getValue() instanceof String s)) {
                throw new WeightFileException("weight file metadata \"" + m.getKey() + "\" is not a string");
            }
            out.put((String) m.getKey(), s);
        }
    }

    private static Tensor readTensor(String name, Object value, ByteBuffer buf, int dataStart, long dataLength)
            throws WeightFileException {
        if (!(value instanceof Map<?, ?> spec)) {
            throw new WeightFileException("tensor \"" + name + "\": entry is not a JSON object");
        }
        Object dtype = spec.get("dtype");
        if (!"F32".equals(dtype)) {
            throw new WeightFileException("tensor \"" + name + "\": dtype " + dtype + " unsupported (only F32)");
        }
        List<Long> shapeList = longs(name, "shape", spec.get("shape"));
        List<Long> offsets = longs(name, "data_offsets", spec.get("data_offsets"));
        if (offsets.size() != 2) {
            throw new WeightFileException("tensor \"" + name + "\": data_offsets must be [begin, end]");
        }
        int[] shape = new int[shapeList.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            long d = shapeList.get(i);
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw new WeightFileException("tensor \"" + name + "\": bad dimension " + d);
            }
            shape[i] = (int) d;
            count *= d;
            if (count > MAX_BYTES) {
                throw new WeightFileException("tensor \"" + name + "\": too many elements");
            }
        }
        long begin = offsets.get(0);
        long end = offsets.get(1);
        if (begin < 0 || end < begin || end > dataLength) {
            throw new WeightFileException("tensor \"" + name + "\": data_offsets [" + begin + ", " + end
                    + "] outside the " + dataLength + "-byte data section (truncated file?)");
        }
        if (end - begin != count * Float.BYTES) {
            throw new WeightFileException("tensor \"" + name + "\": " + (end - begin) + " bytes of data for shape "
                    + shapeList + " (" + count * Float.BYTES + " expected)");
        }
        float[] data = new float[(int) count];
        int at = dataStart + (int) begin;
        for (int i = 0; i < data.length; i++) {
            data[i] = buf.getFloat(at + i * Float.BYTES);
        }
        return new Tensor(name, shape, data);
    }

    private static List<Long> longs(String tensor, String field, Object value) throws WeightFileException {
        if (!(value instanceof List<?> list)) {
            throw new WeightFileException("tensor \"" + tensor + "\": " + field + " missing or not an array");
        }
        for (Object o : list) {
            if (!(o instanceof Long)) {
                throw new WeightFileException("tensor \"" + tensor + "\": " + field + " holds a non-integer " + o);
            }
        }
        @SuppressWarnings("unchecked")
        List<Long> longs = (List<Long>) list;
        return longs;
    }

    /** The string metadata of the header's {@code __metadata__} object (empty when absent). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** All tensors in header order. */
    public Map<String, Tensor> tensors() {
        return tensors;
    }

    /** The tensor with this name and exactly this shape. */
    public Tensor tensor(String name, int... expectedShape) throws WeightFileException {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new WeightFileException("tensor \"" + name + "\" missing from the weight file");
        }
        if (!java.util.Arrays.equals(t.shape(), expectedShape)) {
            throw new WeightFileException("tensor \"" + name + "\" has shape " + t.shapeText() + ", expected "
                    + java.util.Arrays.toString(expectedShape));
        }
        return t;
    }

    /** A metadata value that must be present. */
    public String requireMetadata(String key) throws WeightFileException {
        String v = metadata.get(key);
        if (v == null) {
            throw new WeightFileException("metadata \"" + key + "\" missing from the weight file");
        }
        return v;
    }

    /** A metadata value that must be a positive integer. */
    public int requirePositiveInt(String key) throws WeightFileException {
        String v = requireMetadata(key);
        try {
            int i = Integer.parseInt(v.trim());
            if (i <= 0) {
                throw new NumberFormatException();
            }
            return i;
        } catch (NumberFormatException e) {
            throw new WeightFileException("metadata \"" + key + "\" = \"" + v + "\" is not a positive integer");
        }
    }
}
