package org.percepnet4j.presets;

import java.nio.charset.StandardCharsets;

/**
 * Identifiers that hosts and preset files use to recognise this plugin. Shared by the VST plugin (AEffect uniqueID,
 * version) and by the .fxp/.fxb reader and writer here, so a program saved by the plugin loads in the CLI and back.
 *
 * <p>VST unique IDs are four characters packed big-endian ("abcd" → 0x61626364). Hosts match projects and preset
 * files on them: never change these values.
 */
public final class PluginIds {

    /** Stereo variant (2 in / 2 out): "Pn4S". */
    public static final int STEREO = 0x506E3453;
    /** Mono variant (1 in / 1 out): "Pn4M". */
    public static final int MONO = 0x506E344D;
    /** Plugin version as an integer (VST effGetVendorVersion / AEffect.version and the fxVersion of preset files). */
    public static final int VERSION = 1;
    public static final String VENDOR = "percepnet4j";
    public static final String PRODUCT = "PercepNet Denoiser";

    private PluginIds() {
    }

    /** True for the IDs of this plugin's variants: preset files from either load into both. */
    public static boolean isOurs(int uniqueId) {
        return uniqueId == STEREO || uniqueId == MONO;
    }

    /** Packs four ASCII characters big-endian, as VST does. */
    public static int fourCC(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        if (b.length != 4) {
            throw new IllegalArgumentException("a four-character code needs exactly 4 ASCII characters: '" + text + "'");
        }
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    /** The four characters of a code when printable (e.g. "Pn4S"), otherwise its hex value (e.g. "0x00000001"). */
    public static String describe(int code) {
        StringBuilder sb = new StringBuilder(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = code >>> shift & 0xFF;
            if (c < 0x20 || c > 0x7E) {
                return String.format("0x%08X", code);
            }
            sb.append((char) c);
        }
        return "'" + sb + "'";
    }
}
