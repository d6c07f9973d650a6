package org.percepnet4j.engine.nn;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.percepnet4j.engine.io.FileReplacement;

/**
 * Writes the {@link WeightFile} format: used by the trainer's export and checkpoints and by tests.
 * Tensors are written in insertion order; the header is padded with spaces to a multiple of 8 bytes
 * (as safetensors does) so the data section stays aligned.
 */
public final class WeightFileWriter {

    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final List<Tensor> tensors = new ArrayList<>();

    public WeightFileWriter metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    public WeightFileWriter metadata(Map<String, String> entries) {
        metadata.putAll(entries);
        return this;
    }

    public WeightFileWriter tensor(String name, float[] data, int... shape) {
        for (Tensor t : tensors) {
            if (t.name().equals(name)) {
                throw new IllegalArgumentException("duplicate tensor " + name);
            }
        }
        tensors.add(new Tensor(name, shape.clone(), data.clone()));
        return this;
    }

    /** The complete file as bytes. */
    public byte[] toBytes() {
        StringBuilder h = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            h.append("\"__metadata__\":{");
            boolean first = true;
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                h.append(first ? "" : ",").append(quote(e.getKey())).append(':').append(quote(e.getValue()));
                first = false;
            }
            h.append('}');
        }
        long offset = 0;
        for (Tensor t : tensors) {
            h.append(h.length() > 1 ? "," : "").append(quote(t.name())).append(":{\"dtype\":\"F32\",\"shape\":[");
            for (int i = 0; i < t.rank(); i++) {
                h.append(i > 0 ? "," : "").append(t.dim(i));
            }
            long end = offset + (long) t.data().length * Float.BYTES;
            h.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        h.append('}');
        byte[] header = h.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (header.length + 7) / 8 * 8;
        ByteBuffer buf = ByteBuffer.allocate(8 + padded + (int) offset).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(padded).put(header);
        for (int i = header.length; i < padded; i++) {
            buf.put((byte) ' ');
        }
        for (Tensor t : tensors) {
            for (float v : t.data()) {
                buf.putFloat(v);
            }
        }
        return buf.array();
    }

    public void write(OutputStream out) throws IOException {
        out.write(toBytes());
    }

    /** Writes to a temporary file next to {@code path}, then renames it: a crash never leaves half a file. */
    public void write(Path path) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        FileReplacement.write(path, tmp -> Files.write(tmp, toBytes()));
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
