package org.percepnet4j.trainer.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Byte-bounded LRU of decoded audio stored as peak-normalised 16-bit samples plus one scale. */
final class AudioCache {
    private record Stored(short[] samples, float scale) {
        long bytes() {
            return 2L * samples.length + 48;
        }

        float[] toFloat() {
            float[] out = new float[samples.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = samples[i] * scale;
            }
            return out;
        }

        static Stored of(float[] x) {
            float peak = 0;
            for (float v : x) {
                peak = Math.max(peak, Math.abs(v));
            }
            float scale = peak > 0 ? peak / 32767f : 1f;
            short[] q = new short[x.length];
            for (int i = 0; i < x.length; i++) {
                q[i] = (short) Math.round(x[i] / scale);
            }
            return new Stored(q, scale);
        }
    }

    private final long maxBytes;
    private final LinkedHashMap<String, Stored> map = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    AudioCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    float[] get(String key, Supplier<float[]> decode) {
        Stored s;
        synchronized (this) {
            s = map.get(key);
        }
        if (s != null) {
            return s.toFloat();
        }
        float[] x = decode.get();
        Stored fresh = Stored.of(x);
        synchronized (this) {
            if (!map.containsKey(key) && fresh.bytes() <= maxBytes) {
                map.put(key, fresh);
                bytes += fresh.bytes();
                var it = map.entrySet().iterator();
                while (bytes > maxBytes && it.hasNext()) {
                    Map.Entry<String, Stored> e = it.next();
                    bytes -= e.getValue().bytes();
                    it.remove();
                }
            }
        }
        // Return the quantised version so results do not depend on whether the cache was hit.
        return fresh.toFloat();
    }

    synchronized long bytes() {
        return bytes;
    }
}
