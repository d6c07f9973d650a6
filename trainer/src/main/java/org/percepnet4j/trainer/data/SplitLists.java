package org.percepnet4j.trainer.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reads the committed split lists ({@code splits/train.txt} etc. on the class path): one corpus path per line. */
public final class SplitLists {
    private SplitLists() {
    }

    /** Path → split for every listed file. */
    public static Map<String, Split> load() {
        Map<String, Split> out = new HashMap<>();
        for (Split s : Split.values()) {
            try (InputStream in = SplitLists.class.getClassLoader().getResourceAsStream(s.resourceName())) {
                if (in == null) {
                    throw new IllegalStateException("split list missing from the class path: " + s.resourceName());
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = r.readLine()) != null) {
                    line = line.strip();
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    Split previous = out.put(line, s);
                    if (previous != null && previous != s) {
                        throw new IllegalStateException(line + " is listed in both " + previous + " and " + s);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
