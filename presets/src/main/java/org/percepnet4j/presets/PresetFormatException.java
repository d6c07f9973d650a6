package org.percepnet4j.presets;

import java.io.IOException;

/**
 * A preset file (or chunk) that cannot be read: the message names the source, the offending key and what is
 * allowed, e.g. {@code podcast.json: parameters.suppression: 120 is out of range (allowed 0 to 100 dB)}.
 * Readers throw before anything is returned, so a failed load never leaves a half-applied preset behind.
 */
public final class PresetFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String key;

    /**
     * @param source the file name or other origin ("chunk", "<stdin>")
     * @param key    the key or field that is wrong, or null when the whole file is wrong (truncated, foreign)
     * @param detail what is wrong and what is allowed
     */
    public PresetFormatException(String source, String key, String detail) {
        super(source + ": " + (key == null ? "" : excerpt(key) + ": ") + detail);
        this.source = source;
        this.key = key;
    }

    public PresetFormatException(String source, String key, String detail, Throwable cause) {
        this(source, key, detail);
        initCause(cause);
    }

    /** Longest piece of a value that messages quote: a file may hold a 10 MB name or key. */
    static final int EXCERPT_LENGTH = 80;

    /**
     * A value from a file or the command line as a message quotes it: at most {@value #EXCERPT_LENGTH} characters
     * then "...", and control characters escaped so that they cannot act on the terminal.
     */
    static String excerpt(String value) {
        return excerpt(value, EXCERPT_LENGTH);
    }

    static String excerpt(String value, int maxChars) {
        StringBuilder sb = new StringBuilder();
        int count = 0;
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i)), count++) {
            if (count == maxChars) {
                return sb.append("...").toString();
            }
            int c = value.codePointAt(i);
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        }
        return sb.toString();
    }

    /** The file name or origin of the bad data. */
    public String source() {
        return source;
    }

    /** The key or field at fault, or null when the whole file is at fault. */
    public String key() {
        return key;
    }
}
